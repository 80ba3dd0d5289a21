import { Component, onWillStart, onWillUnmount, useEffect, useRef } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { _t } from "@web/core/l10n/translation";
import { cookie } from "@web/core/browser/cookie";
import { getColor } from "@web/core/colors/colors";

const { DateTime } = luxon;

/** Signed and received amounts over the period, as Odoo's graph view draws them (Chart.js). */
export class DashboardTrend extends Component {
    static template = "realty_reports.DashboardTrend";
    static props = { trend: Object };

    setup() {
        this.canvasRef = useRef("canvas");
        this.chart = null;
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            () => this.renderChart(),
            () => [this.props.trend]
        );
        onWillUnmount(() => this.chart?.destroy());
    }

    get labels() {
        const format = this.props.trend.granularity === "month" ? "yyyy-MM" : "MM-dd";
        return this.props.trend.labels.map((label) => DateTime.fromISO(label).toFormat(format));
    }

    get datasets() {
        const series = [{ label: _t("Signed"), data: this.props.trend.signed }];
        if (this.props.trend.received) {
            series.push({ label: _t("Received"), data: this.props.trend.received });
        }
        return series.map((serie, index) => ({
            ...serie,
            backgroundColor: getColor(index, cookie.get("color_scheme"), "odoo"),
            borderColor: getColor(index, cookie.get("color_scheme"), "odoo"),
        }));
    }

    renderChart() {
        this.chart?.destroy();
        this.chart = new Chart(this.canvasRef.el, {
            type: "bar",
            data: { labels: this.labels, datasets: this.datasets },
            options: {
                maintainAspectRatio: false,
                responsive: true,
                animation: false,
                scales: { y: { beginAtZero: true } },
            },
        });
    }
}
