// The same flow as the compress-demo gadget, as a Feishu web app: authenticate with h5sdk.config, then use tt.
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var state = { src: '', quality: 80 };

  function fileUrl(path) {
    // ttfile:// paths are shown through the page's file route (as the client's webview would resolve them).
    return path.replace(/^ttfile:\/\//, './__ttfile__/');
  }

  function formatBytes(size) {
    if (typeof size !== 'number') return '—';
    return size < 1024 ? size + ' B' : size < 1048576 ? (size / 1024).toFixed(1) + ' KB' : (size / 1048576).toFixed(2) + ' MB';
  }

  function show(figureId, path) {
    var figure = $(figureId);
    figure.hidden = false;
    figure.querySelector('img').src = fileUrl(path);
    tt.getImageInfo({
      src: path,
      success: function (info) {
        var size;
        try { size = tt.getFileSystemManager().statSync(path).size; } catch (e) { size = undefined; }
        figure.querySelector('.facts').textContent = (info.type || '').toUpperCase() + ' · ' + info.width + ' × ' + info.height + ' · ' + formatBytes(size);
      },
      fail: function (res) { figure.querySelector('.facts').textContent = res.errMsg; },
    });
  }

  function showError(text) {
    $('error').hidden = !text;
    $('error').textContent = text || '';
  }

  window.h5sdk.error(function (err) { showError('h5sdk: ' + JSON.stringify(err)); });
  window.h5sdk.config({
    appId: 'cli_ttsim_webapp_demo',
    timestamp: String(Date.now()),
    nonceStr: 'ttsim-demo',
    signature: 'signed-by-your-server',
    jsApiList: ['chooseImage', 'compressImage', 'getImageInfo', 'getSystemInfo'],
  });

  window.h5sdk.ready(function () {
    tt.getSystemInfo({ success: function (info) { $('platform').textContent = info.platform + ' · Feishu ' + info.version; } });
    if (!tt.canIUse('compressImage')) {
      $('unsupported').hidden = false;
      return;
    }
    $('controls').hidden = false;
    $('choose').addEventListener('click', function () {
      tt.chooseImage({
        count: 1,
        success: function (res) {
          state.src = res.tempFilePaths[0];
          $('compress').disabled = false;
          $('after').hidden = true;
          showError('');
          show('before', state.src);
        },
        fail: function (res) { showError(res.errMsg); },
      });
    });
    $('quality').addEventListener('input', function (e) {
      state.quality = Number(e.target.value);
      $('quality-value').textContent = String(state.quality);
    });
    $('compress').addEventListener('click', function () {
      tt.compressImage({
        src: state.src,
        quality: state.quality,
        success: function (res) { show('after', res.tempFilePath); },
        fail: function (res) { showError(res.errMsg + (res.errno ? ' (errno ' + res.errno + ')' : '')); },
      });
    });
  });
})();
