from . import report_payment_receipt
