import { registry } from "@web/core/registry";
import { patch } from "@web/core/utils/patch";

import { RealtySalesBoard } from "@realty_sales/board/sales_board";

let slowNext = false;

function chooseProject(name) {
    const select = document.querySelector("select.o_realty_board_project");
    select.value = [...select.options].find((option) => option.textContent === name).value;
    select.dispatchEvent(new Event("change"));
}

registry.category("web_tour.tours").add("realty_sales_board_switch", {
    steps: () => [
        {
            content: "The next board to load answers late",
            trigger: "body",
            run() {
                patch(RealtySalesBoard.prototype, {
                    async fetchBoard() {
                        const slow = slowNext;
                        slowNext = false;
                        const result = await super.fetchBoard();
                        if (slow) {
                            await new Promise((resolve) => setTimeout(resolve, 1500));
                        }
                        return result;
                    },
                });
            },
        },
        {
            content: "Open the project's sales board",
            trigger: ".o_kanban_record:contains('Test Garden') a[name='action_open_sales_board']",
            run: "click",
        },
        {
            trigger: ".o_realty_board_cell[data-unit='T-1201']",
            run() {
                slowNext = true;
                chooseProject("Second Garden"); // answers late ...
                chooseProject("Test Garden"); // ... after this one
            },
        },
        {
            content: "Wait until the late answer came",
            trigger: ".o_realty_board_cell[data-unit='T-1201']",
            async run() {
                await new Promise((resolve) => setTimeout(resolve, 2500));
            },
        },
        {
            content: "The board still shows the project chosen last",
            trigger: "select.o_realty_board_project:has(option:checked:contains('Test Garden'))",
        },
        {
            trigger: ".o_realty_board:has(.o_realty_board_cell[data-unit='T-1201']):not(:has([data-unit='S-101']))",
        },
    ],
});
