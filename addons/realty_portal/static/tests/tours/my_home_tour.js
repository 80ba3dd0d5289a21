import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("realty_portal_my_home_tour", {
    steps: () => [
        { content: "The next payment due", trigger: ".o_realty_next_due" },
        { content: "My properties", trigger: "a[href='/my/realty']", run: "click", expectUnloadPage: true },
        { content: "Open the contract", trigger: ".o_realty_contracts a", run: "click", expectUnloadPage: true },
        { content: "The steps", trigger: ".o_realty_steps .o_realty_step_done" },
        { content: "The deposit is paid", trigger: ".o_realty_schedule tr[data-status='paid']" },
        { content: "An installment is overdue", trigger: ".o_realty_schedule tr[data-status='overdue']" },
        { content: "The receipt", trigger: ".o_realty_receipts a" },
        { content: "Back to my properties", trigger: ".o_portal_submenu a[href='/my/realty']", run: "click", expectUnloadPage: true },
        { content: "State my needs", trigger: "a.o_realty_needs_link", run: "click", expectUnloadPage: true },
        { trigger: "input[name='income_monthly']", run: "edit 45000" },
        { trigger: "input[name='budget']", run: "edit 2600000" },
        { content: "Save", trigger: ".o_realty_needs_form button[type='submit']", run: "click", expectUnloadPage: true },
        { content: "Saved", trigger: ".o_realty_needs_saved" },
    ],
});
