"""The clinician tests import their helpers (clinician_support, clinician_messages) by name."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
