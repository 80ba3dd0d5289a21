import { registry } from "@web/core/registry";

function chooseProject(name) {
    const select = document.querySelector("select.o_realty_dashboard_project");
    select.value = [...select.options].find((option) => option.textContent === name).value;
    select.dispatchEvent(new Event("change"));
}

registry.category("web_tour.tours").add("realty_reports_dashboard", {
    steps: () => [
        {
            content: "The dashboard opens on this month's cards, with a trend chart",
            trigger: ".o_realty_dashboard .o_realty_dashboard_trend canvas",
        },
        {
            content: "Show one project only",
            trigger: ".o_realty_dashboard_card[data-key='signed']",
            run: () => chooseProject("Dash Garden"),
        },
        {
            content: "The signed card counts the project's contract of today",
            trigger: ".o_realty_dashboard:not([data-projects='']) .o_realty_dashboard_card[data-key='signed'] .o_realty_dashboard_count:text(1)",
        },
        {
            content: "The amount is a number",
            trigger: ".o_realty_dashboard_card[data-key='signed'] .o_realty_dashboard_value:contains('2,000,000')",
        },
        {
            content: "The visits card counts today's visit",
            trigger: ".o_realty_dashboard_card[data-key='visits'] .o_realty_dashboard_count:text(1)",
        },
        {
            content: "Switch to this year",
            trigger: ".o_realty_dashboard_periods button[data-period='year']",
            run: "click",
        },
        {
            content: "This year is the chosen period",
            trigger: ".o_realty_dashboard_periods button[data-period='year'].active",
        },
        {
            content: "The top salespeople of the year",
            trigger: ".o_realty_dashboard_top_salespeople .o_realty_dashboard_top_row:contains(Dash Seller)",
        },
        {
            content: "Drill down to the signed contracts",
            trigger: ".o_realty_dashboard_card[data-key='signed'] .o_realty_dashboard_count:text(1)",
            run: "click",
        },
        {
            content: "The list shows the contract counted",
            trigger: ".o_list_view .o_data_row .o_data_cell:contains(D-1201)",
        },
        {
            content: "and no other",
            trigger: ".o_list_view:not(:has(.o_data_row:nth-child(2)))",
        },
    ],
});
