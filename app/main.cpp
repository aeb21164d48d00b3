// Entry point of the tenantry desktop application.
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tenantry"));
    QApplication::setOrganizationDomain(QStringLiteral("tenantry.dev"));
    QApplication::setApplicationName(QStringLiteral("tenantry"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    MainWindow window;
    window.show();
    return app.exec();
}
