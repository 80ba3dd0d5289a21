from . import realty_reservation_print_mixin
from . import report_reservation_agreement
from . import report_reservation_deposit_receipt
