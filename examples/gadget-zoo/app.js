// App: a welcome modal on the first launch (remembered in storage), and the server's address.
import { apiBase } from './utils/api.js';
const store = require('./utils/store.js');

App({
  globalData: { apiBase: '', selected: [] },
  onLaunch() {
    this.globalData.apiBase = apiBase();
    if (!store.get('welcomed')) {
      tt.showModal({
        title: 'Welcome to the zoo',
        content: 'Pick photos, chart them, send feedback.',
        showCancel: false,
        success: () => store.set('welcomed', true),
      });
    }
  },
});
