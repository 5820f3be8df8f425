"""PDF signing and verification (pyHanko).

pyHanko's CMS module imports cryptography's DSA key type to recognise DSA signers; since cryptography
45 that import alone warns «DSA is deprecated» on stderr at every ``sign`` and ``verify``. The program
never makes or accepts DSA keys, so exactly that warning, raised from pyHanko, is silenced here; every
other warning stays visible."""

import warnings

from cryptography.utils import CryptographyDeprecationWarning

warnings.filterwarnings("ignore", message=r"DSA is deprecated", category=CryptographyDeprecationWarning,
                        module=r"pyhanko\.")
