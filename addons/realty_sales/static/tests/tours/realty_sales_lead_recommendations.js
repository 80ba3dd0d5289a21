import { registry } from "@web/core/registry";

const unitRow = (unit) => `.o_realty_recommendation:contains('${unit}')`;

registry.category("web_tour.tours").add("realty_sales_lead_recommendations", {
    steps: () => [
        {
            content: "The sales office's pipeline as a list, with the buyers' means",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            trigger: ".o_list_renderer th[data-name='budget'] + th[data-name='down_payment_available']",
        },
        {
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "Open the buyer's lead from the sales office's pipeline",
            trigger: ".o_kanban_record:contains('Tour Buyer')",
            run: "click",
        },
        {
            content: "Open the home buying page",
            trigger: ".o_notebook .nav-link:contains('Home Buying')",
            run: "click",
        },
        {
            content: "Without cash or income, nothing fits",
            trigger: ".o_realty_recommendations p.text-muted",
        },
        {
            content: "Enter the cash the buyer has",
            trigger: "div[name='down_payment_available'] input",
            run: "edit 2100000 && press Tab",
        },
        {
            content: "The 2-bedroom unit is offered at once, before saving",
            trigger: unitRow("T-1201"),
        },
        {
            content: "The 3-bedroom one is too dear for cash",
            trigger: `.o_realty_recommendations:not(:has(${unitRow("T-802")}))`,
        },
        {
            content: "The buyer wants 3 bedrooms",
            trigger: "div[name='bedrooms_wanted'] input",
            run: "edit 3 && press Tab",
        },
        {
            content: "Nothing fits with cash alone",
            trigger: ".o_realty_recommendations p.text-muted",
        },
        {
            content: "With an income, a mortgage buys the 3-bedroom unit",
            trigger: "div[name='income_monthly'] input",
            run: "edit 40000 && press Tab",
        },
        {
            trigger: `${unitRow("T-802")}:contains('Mortgage')`,
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
        {
            content: "The recommendations still follow the needs",
            trigger: unitRow("T-802"),
        },
        {
            content: "Reserve it for the buyer",
            trigger: `${unitRow("T-802")} .o_realty_recommendation_reserve`,
            run: "click",
        },
        {
            content: "The reservation is for the lead's customer, made from its contact",
            trigger: ".o_form_view div[name='partner_id'] input:value(Chen Jing)",
        },
        {
            content: "Confirm",
            trigger: ".o_form_view button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Confirmed",
            trigger: ".o_statusbar_status button[data-value='confirmed'].o_arrow_button_current",
        },
    ],
});
