function formatBytes(size) {
  if (typeof size !== 'number') return '—';
  if (size < 1024) return size + ' B';
  if (size < 1024 * 1024) return (size / 1024).toFixed(1) + ' KB';
  return (size / 1024 / 1024).toFixed(2) + ' MB';
}

function describe(info, size) {
  return {
    format: info && info.type ? info.type.toUpperCase() : '—',
    dimensions: info ? info.width + ' × ' + info.height : '—',
    size: formatBytes(size),
  };
}

module.exports = { formatBytes, describe };
