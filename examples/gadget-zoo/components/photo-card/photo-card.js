Component({
  properties: {
    photo: { type: Object, value: {} },
    selected: { type: Boolean, value: false },
  },
  methods: {
    toggle() {
      this.triggerEvent('toggle', { id: this.data.photo.id }, { bubbles: false });
    },
  },
});
