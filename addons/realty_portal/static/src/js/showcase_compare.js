import publicWidget from "@web/legacy/js/public/public_widget";

// The comparison selection lives in localStorage (it survives navigation) and in the /realty/compare URL
// (it can be shared); opening a shared link adopts its selection.
const KEY = "realty_compare_ids";
const MAX = 4;

function readSelection() {
    try {
        const ids = JSON.parse(window.localStorage.getItem(KEY) || "[]");
        return Array.isArray(ids) ? ids.filter(Number.isInteger).slice(0, MAX) : [];
    } catch {
        return [];
    }
}

function writeSelection(ids) {
    window.localStorage.setItem(KEY, JSON.stringify(ids.slice(-MAX)));
}

publicWidget.registry.RealtyShowcaseCompare = publicWidget.Widget.extend({
    selector: ".o_realty_showcase",
    events: {
        "click .o_realty_add_compare": "_onAdd",
        "click .o_realty_remove_compare": "_onRemove",
    },

    start() {
        const table = this.el.querySelector(".o_realty_compare");
        if (table && table.dataset.ids) {
            writeSelection(table.dataset.ids.split(",").map(Number));
        }
        this._refresh();
        return this._super(...arguments);
    },

    _refresh() {
        const ids = readSelection();
        for (const count of this.el.querySelectorAll(".o_realty_compare_count")) {
            count.textContent = ids.length;
        }
        for (const link of this.el.querySelectorAll(".o_realty_compare_link")) {
            link.href = `/realty/compare?ids=${ids.join(",")}`;
        }
        for (const button of this.el.querySelectorAll(".o_realty_add_compare")) {
            button.classList.toggle("active", ids.includes(Number(button.dataset.layoutId)));
        }
    },

    _onAdd(ev) {
        const id = Number(ev.currentTarget.dataset.layoutId);
        const ids = readSelection().filter((other) => other !== id);
        ids.push(id);
        writeSelection(ids);
        this._refresh();
    },

    _onRemove(ev) {
        const id = Number(ev.currentTarget.dataset.layoutId);
        const ids = readSelection().filter((other) => other !== id);
        writeSelection(ids);
        window.location.href = `/realty/compare?ids=${ids.join(",")}`;
    },
});
