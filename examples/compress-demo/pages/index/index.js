const { describe } = require('../../utils/format.js');

/** Reads what the page shows about an image: format and dimensions (getImageInfo), size (FileSystemManager.stat). */
function inspect(path) {
  return new Promise((resolve) => {
    tt.getImageInfo({
      src: path,
      success: (info) => {
        let size;
        if (tt.canIUse('FileSystemManager.stat')) {
          try {
            size = tt.getFileSystemManager().statSync(path).size;
          } catch (e) {
            size = undefined;
          }
        }
        resolve(describe(info, size));
      },
      fail: () => resolve(describe(null, undefined)),
    });
  });
}

Page({
  data: {
    supported: true,
    platform: '',
    quality: 80,
    src: '',
    before: null,
    after: null,
    resultPath: '',
    error: '',
    busy: false,
  },

  onLoad() {
    this.setData({ supported: tt.canIUse('compressImage') });
    tt.getSystemInfo({
      success: (info) => this.setData({ platform: info.platform + ' · Feishu ' + info.version }),
      fail: (res) => this.setData({ platform: res.errMsg }),
    });
  },

  choose() {
    tt.chooseImage({
      count: 1,
      sourceType: ['album', 'camera'],
      success: async (res) => {
        const src = res.tempFilePaths[0];
        this.setData({ src, after: null, resultPath: '', error: '', before: await inspect(src) });
      },
      fail: (res) => this.setData({ error: res.errMsg }),
    });
  },

  onQuality(e) {
    this.setData({ quality: e.detail.value });
  },

  compress() {
    if (!this.data.src) return;
    this.setData({ busy: true, error: '' });
    tt.compressImage({
      src: this.data.src,
      quality: this.data.quality,
      success: async (res) => {
        this.setData({ resultPath: res.tempFilePath, after: await inspect(res.tempFilePath) });
      },
      fail: (res) => {
        this.setData({ error: res.errMsg + (res.errno ? ' (errno ' + res.errno + ')' : '') });
      },
      complete: () => this.setData({ busy: false }),
    });
  },
});
