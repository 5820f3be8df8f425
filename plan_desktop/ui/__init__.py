"""The window (the only place Qt Widgets live).

``app``          start-up: QApplication, fonts, log, crash dialog, translations; wizard or main window
``startup``      bundled fonts, rotating log, crash dialog (``sys.excepthook``), drafts of open dialogs
``i18n``         Vietnamese source strings, English ``.ts`` → ``.qm`` (built at start), Qt's own strings
``wizard``       the set-up wizard (unit, officer, signature block)
``main_window``  navigation pane + one page per entry (``pages.REGISTRY``), status bar, shortcuts
``pages/``       overview, one record list per form, reports and USB hosts, settings
``models``       the paging table model over the store (Vietnamese collation for names)
``entry_dialog`` the dialog generated from a form definition; ``editors`` one widget per field type
``bridge``       the record service's change listeners as a Qt signal
"""

# The layers below the window, imported before the first PySide6 import on purpose: once PySide6 is
# loaded, its import hook (``__feature__`` support) reads the source of every module imported after
# it, which adds a good share to the start (sqlite-utils alone pulls in click, pluggy and dateutil).
import plan_desktop.services.installation  # noqa: F401  (isort: skip)
