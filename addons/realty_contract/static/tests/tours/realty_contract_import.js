import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("realty_contract_import", {
    steps: () => [
        {
            content: "The sales manager opens the import from the contract list",
            trigger: ".o_control_panel button:contains('Import Legacy Contracts')",
            run: "click",
        },
        {
            content: "The wizard offers the template",
            trigger: ".modal button[name='action_download_template']",
        },
        {
            content: "Test the import without a file",
            trigger: ".modal button[name='action_test']",
            run: "click",
        },
        {
            content: "A clear message says what is missing",
            trigger: ".modal:contains('The file is empty')",
        },
    ],
});
