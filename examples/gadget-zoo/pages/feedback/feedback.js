import { sendFeedback } from '../../utils/api.js';

Page({
  data: { ratings: ['1', '2', '3', '4', '5'], topics: ['speed', 'design', 'docs'], reply: '', last: '' },
  onShow() {
    tt.getStorage({ key: 'zoo:lastFeedback', success: ({ data }) => this.setData({ last: data.comment }), fail: () => this.setData({ last: '' }) });
  },
  async submit(e) {
    const feedback = e.detail.value;
    try {
      const reply = await sendFeedback(getApp().globalData.apiBase, feedback);
      tt.setStorage({ key: 'zoo:lastFeedback', data: feedback });
      this.setData({ reply: reply.message, last: feedback.comment });
    } catch (fail) {
      this.setData({ reply: `failed: ${fail.errMsg}` });
    }
  },
});
