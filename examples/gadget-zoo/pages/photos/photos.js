import { fetchPhotos } from '../../utils/api.js';
import { kb } from '../../utils/format.js';
const store = require('../../utils/store.js');

Page({
  data: { photos: [], selected: [], selectedText: 'nothing selected', status: 'loading…', error: '', downloaded: '', downloadedSize: '', visits: 0 },
  onLoad() {
    const visits = (store.get('visits') || 0) + 1;
    store.set('visits', visits);
    this.setData({ visits });
    return this.load();
  },
  onPullDownRefresh() {
    // Pull-down refresh is not on PC: the guard keeps `ttsim check` (and a PC client) happy.
    return this.load().then(() => {
      if (tt.canIUse('stopPullDownRefresh')) tt.stopPullDownRefresh();
    });
  },
  async load() {
    try {
      const photos = await fetchPhotos(getApp().globalData.apiBase);
      this.setData({ photos, status: `${photos.length} photos`, error: '' });
    } catch (fail) {
      this.setData({ status: 'offline', error: fail.errMsg || String(fail) });
    }
  },
  onSelectionChange(e) {
    const selected = e.detail.photos;
    getApp().globalData.selected = selected;
    store.set('selected', selected.map((p) => p.id));
    const titles = selected.map((p) => p.title);
    this.setData({ selected: titles, selectedText: titles.length ? titles.join(', ') : 'nothing selected' });
  },
  clearSelection() {
    this.selectComponent('#list').clear();
  },
  downloadFirst() {
    const first = getApp().globalData.selected[0];
    if (!first) return tt.showToast({ title: 'Select a photo first', icon: 'none' });
    tt.downloadFile({
      url: first.url,
      success: ({ tempFilePath }) => {
        tt.getFileInfo({ filePath: tempFilePath, success: (info) => this.setData({ downloaded: tempFilePath, downloadedSize: kb(info.size) }) });
      },
      fail: (fail) => this.setData({ error: fail.errMsg }),
    });
  },
});
