// CommonJS: a thin layer over tt storage with a prefix, so the zoo's keys never collide.
const PREFIX = 'zoo:';

exports.get = (key) => tt.getStorageSync(PREFIX + key);
exports.set = (key, value) => tt.setStorageSync(PREFIX + key, value);
exports.remove = (key) => tt.removeStorageSync(PREFIX + key);
