import { registry } from "@web/core/registry";

/**
 * Progress of a legacy contract import (realty.contract.import): the server sends it to the importing user's
 * partner channel while the import runs. One notification is shown and replaced at each step ("导入中 300/1000"),
 * sticky until the final message, which closes by itself.
 */
export const contractImportProgressService = {
    dependencies: ["bus_service", "notification"],
    start(env, { bus_service, notification }) {
        let close = null;
        bus_service.subscribe("realty_contract_import/progress", ({ message, final, failed }) => {
            close?.();
            close = notification.add(message, {
                type: failed ? "danger" : final ? "success" : "info",
                sticky: !final,
            });
            if (final) {
                close = null;
            }
        });
        bus_service.start();
    },
};

registry.category("services").add("realty_contract_import_progress", contractImportProgressService);
