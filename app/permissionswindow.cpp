// PermissionsWindow: a workbench widget in a top-level window with an Export menu.
#include "permissionswindow.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QVBoxLayout>

PermissionsWindow::PermissionsWindow(PermissionSource *source, bool own, const QString &title, QWidget *parent)
    : QMainWindow(parent)
    , m_widget(new PermissionWorkbenchWidget)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("permissionsWindow"));
    setWindowTitle(tr("Permissions — %1").arg(title));
    if (own && source)
        source->setParent(this);
    setCentralWidget(m_widget);
    m_widget->setSource(source);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    auto exportAs = [this](bool json) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the matrix"),
                                                          json ? QStringLiteral("matrix.json") : QStringLiteral("matrix.csv"),
                                                          json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !m_widget->exportTo(path, &error))
            QMessageBox::warning(this, tr("Export"), error);
    };
    file->addAction(tr("Export as C&SV…"), this, [exportAs] { exportAs(false); });
    file->addAction(tr("Export as &JSON…"), this, [exportAs] { exportAs(true); });
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
    connect(m_widget, &PermissionWorkbenchWidget::openObject, this,
            [this](const PathObject &object) { showObject(m_widget->workbench(), object, this); });
    resize(1100, 760);
}

PermissionsWindow *PermissionsWindow::openManifests(const QString &path, QWidget *parent)
{
    auto *source = PermissionSource::fromManifests(path);
    auto *window = new PermissionsWindow(source, true, tr("%1 (offline)").arg(path), parent);
    window->m_widget->presetSubject(QString());
    return window;
}

void PermissionsWindow::showObject(PermissionWorkbench *workbench, const PathObject &object, QWidget *parent)
{
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("pathObjectDialog"));
    dialog->setWindowTitle(object.text());
    auto *text = new QPlainTextEdit;
    text->setObjectName(QStringLiteral("pathObjectYaml"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(tr("Reading %1…").arg(object.text()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(640, 560);
    QObject::connect(workbench, &PermissionWorkbench::objectFetched, dialog,
                     [text, object](const PathObject &fetched, const QString &yaml, const QString &error) {
        if (fetched.text() != object.text())
            return;
        text->setPlainText(error.isEmpty() ? yaml : error);
    });
    dialog->show();
    workbench->fetchObject(object);
}
