// A bar chart of the photos' sizes, drawn the way mini-program chart libraries draw: CanvasContext calls.
import { fetchPhotos } from '../../utils/api.js';

const COLORS = ['#3370ff', '#34c724', '#ff8800', '#d83931', '#7f3bf5'];

Page({
  data: { exported: '', error: '' },
  async onLoad() {
    try {
      this.photos = await fetchPhotos(getApp().globalData.apiBase);
    } catch (fail) {
      this.photos = [];
      this.setData({ error: fail.errMsg || String(fail) });
    }
    this.draw();
  },
  draw() {
    const ctx = tt.createCanvasContext('sizes');
    const width = 300;
    const height = 180;
    ctx.setFillStyle('#ffffff');
    ctx.fillRect(0, 0, width, height);
    const max = Math.max(1, ...this.photos.map((p) => p.bytes));
    const barWidth = this.photos.length ? (width - 40) / this.photos.length - 10 : 0;
    this.photos.forEach((photo, i) => {
      const h = Math.round((photo.bytes / max) * (height - 40));
      const x = 30 + i * (barWidth + 10);
      ctx.setFillStyle(COLORS[i % COLORS.length]);
      ctx.fillRect(x, height - 20 - h, barWidth, h);
      ctx.setFillStyle('#1f2329');
      ctx.setFontSize(10);
      const label = photo.title;
      ctx.fillText(label, x + (barWidth - ctx.measureText(label).width) / 2, height - 6);
    });
    ctx.setStrokeStyle('#8f959e');
    ctx.beginPath();
    ctx.moveTo(24, 10);
    ctx.lineTo(24, height - 20);
    ctx.lineTo(width - 6, height - 20);
    ctx.stroke();
    ctx.draw();
  },
  exportChart() {
    tt.canvasToTempFilePath({
      canvasId: 'sizes',
      fileType: 'png',
      // Keep the export in the gadget's own store (tt.env.USER_DATA_PATH), where it survives relaunches.
      success: ({ tempFilePath }) =>
        tt.saveFile({
          tempFilePath,
          filePath: `${tt.env.USER_DATA_PATH}/chart.png`,
          success: ({ savedFilePath }) => {
            this.setData({ exported: savedFilePath });
            tt.previewImage({ urls: [savedFilePath] });
          },
          fail: (fail) => this.setData({ error: fail.errMsg }),
        }),
      fail: (fail) => this.setData({ error: fail.errMsg }),
    });
  },
});
