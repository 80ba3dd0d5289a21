"""The file format of the legacy contract import (合同导入): its columns, and reading an xlsx file into rows.

One row per buyer; the rows of one legacy reference make one contract. The headers are fixed names in English or
in Chinese (both are read whatever the user's language), so that a file prepared in one language imports in the
other. Cells are converted here (text, numbers, dates, choices); what the values mean is checked by
``contract_import_check``.
"""

import datetime
import io
import re
from dataclasses import dataclass, field

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel

from odoo.exceptions import UserError

from ..models.realty_buyer_identity_mixin import ID_TYPES
from ..models.realty_contract import CONTRACT_STATES

IMPORT_STATES = ("signed", "registered", "delivered")  # what a legacy contract can be in


@dataclass(frozen=True)
class ImportColumn:
    """A column of the file: its English and Chinese headers (plus accepted variants) and its kind of value."""

    key: str
    header: str
    header_zh: str
    kind: str = "text"  # text, number, date, percent, state, id_type, bool
    required: bool = False  # the header must be in the file
    contract: bool = False  # a contract's value: on its first row, repeated (or empty) on its co-buyers' rows
    aliases: tuple = ()

    def label(self, env):
        """The header in the user's language: the Chinese one for Chinese users, else the English one."""
        return self.header_zh if (env.lang or "").startswith("zh") else self.header


COLUMNS = (
    ImportColumn("legacy_ref", "Legacy Ref.", "原合同编号", required=True, contract=True, aliases=("Legacy Ref",)),
    ImportColumn("project", "Project", "项目", required=True, contract=True, aliases=("项目名称",)),
    ImportColumn("building", "Building", "楼栋", required=True, contract=True, aliases=("楼号",)),
    ImportColumn("unit", "Unit", "房号", required=True, contract=True, aliases=("房源", "Unit No.")),
    ImportColumn("payment_plan", "Payment Plan", "付款方式", required=True, contract=True),
    ImportColumn("price", "Contract Price", "合同总价", "number", required=True, contract=True),
    ImportColumn("deposit", "Deposit", "定金", "number", contract=True, aliases=("Deposit Paid", "已付定金")),
    ImportColumn("date_signed", "Signed On", "签约日期", "date", required=True, contract=True),
    ImportColumn("state", "Status", "状态", "state", contract=True, aliases=("State", "合同状态")),
    ImportColumn("registration_no", "Registration No.", "网签备案号", contract=True, aliases=("备案号",)),
    ImportColumn("registration_date", "Registration Date", "备案日期", "date", contract=True),
    ImportColumn("date_delivered", "Delivered On", "交房日期", "date", contract=True),
    ImportColumn("salesperson", "Salesperson", "置业顾问", contract=True, aliases=("销售员",)),
    ImportColumn("buyer_name", "Buyer", "买受人", required=True, aliases=("Buyer Name", "买受人姓名", "姓名")),
    ImportColumn("id_type", "ID Type", "证件类型", "id_type"),
    ImportColumn("id_number", "ID Number", "证件号码", required=True, aliases=("身份证号",)),
    ImportColumn("phone", "Phone", "联系电话", aliases=("电话",)),
    ImportColumn("share", "Share (%)", "比例（%）", "percent", aliases=("Share", "份额", "产权比例")),
    ImportColumn("is_main", "Main Buyer", "主买受人", "bool", aliases=("是否主买受人",)),
)
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
CONTRACT_KEYS = tuple(column.key for column in COLUMNS if column.contract)

# choice values read in any language, on top of the key, the English label and the label in the user's language
CHOICE_ALIASES = {
    "state": {
        "signed": ("已签约", "签约"),
        "registered": ("已备案", "备案", "已网签"),
        "delivered": ("已交房", "交房"),
    },
    "id_type": {
        "id_card": ("身份证", "居民身份证"),
        "passport": ("护照",),
        "hk_macau": ("港澳通行证", "港澳居民来往内地通行证"),
        "taiwan": ("台胞证", "台湾居民来往大陆通行证"),
    },
}
CHOICE_SELECTIONS = {
    "state": [(key, label) for key, label in CONTRACT_STATES if key in IMPORT_STATES],
    "id_type": ID_TYPES,
}
CHOICE_FIELDS = {"state": ("realty.contract", "state"), "id_type": ("realty.contract.buyer", "id_type")}
YES = ("yes", "y", "true", "1", "x", "是", "√", "✓")
NO = ("no", "n", "false", "0", "否")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")
MONEY_NOISE = re.compile(r"[\s,，¥￥元]")


def normalize_header(text):
    """Headers compare without spaces, case, a trailing * or the width of brackets: 比例(%) is 比例（%）."""
    text = str(text or "").replace("（", "(").replace("）", ")").rstrip("*").strip()
    return re.sub(r"\s+", "", text).casefold()


def normalize_choice(text):
    return re.sub(r"\s+", "", str(text)).casefold()


@dataclass
class ImportRow:
    """One data row of the file: its number as Excel shows it, its converted values and what went wrong."""

    number: int
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)

    def get(self, key, default=None):
        value = self.values.get(key)
        return default if value is None else value


class ContractImportReader:
    """Reads the first sheet of an xlsx file: row 1 holds the headers, every non-empty row below is a buyer."""

    def __init__(self, env):
        self.env = env
        self.choices = {kind: self._choice_map(kind) for kind in CHOICE_SELECTIONS}

    # ------------------------------------------------------------------
    # FILE
    # ------------------------------------------------------------------

    def read(self, data):
        """Return the list of ``ImportRow``; a file that is not an xlsx sheet of our columns raises UserError."""
        if not data:
            raise UserError(self.env._("The file is empty: upload the xlsx file of the contracts to import."))
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # whatever openpyxl trips on (not a zip, a zip without a workbook, broken XML…)
            raise UserError(
                self.env._("This file is not an Excel workbook (.xlsx): download the template and fill it in.")
            ) from None
        try:
            lines = workbook.worksheets[0].iter_rows() if workbook.worksheets else iter(())
            keys = self._read_header(next(lines, ()))
            rows = [self._read_row(number, keys, cells) for number, cells in enumerate(lines, start=2)]
        finally:
            workbook.close()
        rows = [row for row in rows if row]
        if not rows:
            raise UserError(self.env._("The file has no contracts: fill in one row per buyer under the headers."))
        return rows

    def _read_header(self, cells):
        known = {}
        for column in COLUMNS:
            for name in (column.header, column.header_zh, *column.aliases):
                known[normalize_header(name)] = column.key
        keys, unknown = [], []
        for cell in cells:
            key = known.get(normalize_header(cell.value)) if cell.value not in (None, "") else None
            if cell.value not in (None, "") and not key:
                unknown.append(str(cell.value))
            keys.append(key)
        missing = [column for column in COLUMNS if column.required and column.key not in keys]
        duplicates = {key for key in keys if key and keys.count(key) > 1}
        if missing or unknown or duplicates:
            raise UserError(self._header_message(missing, unknown, duplicates))
        return keys

    def _header_message(self, missing, unknown, duplicates):
        problems = []
        if missing:
            names = ", ".join(f"{column.header} / {column.header_zh}" for column in missing)
            problems.append(self.env._("missing columns: %(columns)s", columns=names))
        if unknown:
            problems.append(self.env._("unknown columns: %(columns)s", columns=", ".join(unknown)))
        if duplicates:
            names = ", ".join(COLUMNS_BY_KEY[key].label(self.env) for key in sorted(duplicates))
            problems.append(self.env._("columns given twice: %(columns)s", columns=names))
        return self.env._(
            "The first row of the sheet must hold the column headers of the template (%(problems)s). "
            "Expected: %(expected)s.",
            problems="; ".join(problems),
            expected=", ".join(column.label(self.env) for column in COLUMNS),
        )

    def _read_row(self, number, keys, cells):
        """The row's converted values, or None for an empty row."""
        row = ImportRow(number)
        for key, cell in zip(keys, cells):
            if key and cell.value not in (None, "") and str(cell.value).strip():
                row.values[key] = self._convert(row, COLUMNS_BY_KEY[key], cell)
        return row if row.values else None

    # ------------------------------------------------------------------
    # CELLS
    # ------------------------------------------------------------------

    def _convert(self, row, column, cell):
        """The cell's value as its column wants it; None (and an error on the row) when it cannot be read."""
        try:
            return getattr(self, f"_convert_{column.kind}")(cell)
        except (ValueError, OverflowError):
            row.errors.append(
                self.env._(
                    "%(column)s: “%(value)s” is not %(expected)s.",
                    column=column.label(self.env),
                    value=cell.value,
                    expected=self._expected_label(column.kind),
                )
            )
            return None

    def _expected_label(self, kind):
        labels = {
            "number": self.env._("a number"),
            "percent": self.env._("a percentage"),
            "date": self.env._("a date (2024-05-31)"),
            "bool": self.env._("yes or no"),
        }
        if kind in self.choices:
            return self.env._("one of %(values)s", values=", ".join(self._choice_labels(kind)))
        return labels.get(kind, kind)

    def _convert_text(self, cell):
        value = cell.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a unit number or a reference typed as a number: 1203, not 1203.0
        if isinstance(value, datetime.datetime):
            value = value.date()
        return str(value).strip()

    def _convert_number(self, cell):
        if isinstance(cell.value, bool):
            raise ValueError(cell.value)
        if isinstance(cell.value, int | float):
            return float(cell.value)
        return float(MONEY_NOISE.sub("", str(cell.value)))

    def _convert_percent(self, cell):
        text = str(cell.value).strip()
        if text.endswith("%"):
            return float(text[:-1])
        number = self._convert_number(cell)
        return number * 100.0 if "%" in (cell.number_format or "") else number  # a cell formatted 50 % holds 0.5

    def _convert_date(self, cell):
        value = cell.value
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return from_excel(value).date()  # a date serial in a cell without a date format
        for date_format in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(str(value).strip(), date_format).date()
            except ValueError:
                continue
        raise ValueError(value)

    def _convert_bool(self, cell):
        text = normalize_choice(cell.value if not isinstance(cell.value, bool) else int(cell.value))
        if text in YES:
            return True
        if text in NO:
            return False
        raise ValueError(text)

    def _convert_state(self, cell):
        return self._choice("state", cell.value)

    def _convert_id_type(self, cell):
        return self._choice("id_type", cell.value)

    def _choice(self, kind, value):
        key = self.choices[kind].get(normalize_choice(value))
        if not key:
            raise ValueError(value)
        return key

    def _choice_map(self, kind):
        """{normalized text: key} from the keys, the English labels, the user's labels and the Chinese aliases."""
        model, name = CHOICE_FIELDS[kind]
        keys = {key for key, _label in CHOICE_SELECTIONS[kind]}
        translated = self.env[model]._fields[name]._description_selection(self.env)
        pairs = [(key, key) for key in keys]
        pairs += [(key, label) for key, label in CHOICE_SELECTIONS[kind] + list(translated) if key in keys]
        pairs += [(key, alias) for key, aliases in CHOICE_ALIASES[kind].items() for alias in aliases]
        return {normalize_choice(text): key for key, text in pairs}

    def _choice_labels(self, kind):
        model, name = CHOICE_FIELDS[kind]
        labels = dict(self.env[model]._fields[name]._description_selection(self.env))
        return [labels[key] for key, _label in CHOICE_SELECTIONS[kind]]
