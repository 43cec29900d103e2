// A grid of photo cards with a header slot and a footer slot; it keeps the selection and passes it upwards.
Component({
  options: { multipleSlots: true },
  properties: {
    photos: { type: Array, value: [], observer() { this.setData({ selectedIds: [], selectedMap: {} }); } },
  },
  data: { selectedIds: [], selectedMap: {} },
  methods: {
    onToggle(e) {
      const id = e.detail.id;
      const ids = this.data.selectedIds.includes(id) ? this.data.selectedIds.filter((x) => x !== id) : [...this.data.selectedIds, id];
      const selectedMap = {};
      for (const x of ids) selectedMap[x] = true;
      this.setData({ selectedIds: ids, selectedMap });
      const selected = this.data.photos.filter((p) => ids.includes(p.id));
      this.triggerEvent('selectionchange', { photos: selected });
    },
    clear() {
      this.setData({ selectedIds: [], selectedMap: {} });
      this.triggerEvent('selectionchange', { photos: [] });
    },
  },
});
