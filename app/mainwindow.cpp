// Main window: title and status bar for now.
#include "mainwindow.h"

#include <QLabel>
#include <QStatusBar>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Tenantry"));
    resize(1200, 800);
    statusBar()->showMessage(tr("Not connected"));
}
