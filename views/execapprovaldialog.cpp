// ExecApprovalDialog: a message box with the command line in a fixed font; environment values
// are never shown (they may be secrets), only their names.
#include "views/execapprovaldialog.h"

#include "models/execapprover.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QMessageBox>

bool ExecApprovalDialog::ask(QWidget *parent, const kube::ExecApprovalRequest &request, bool *remember)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("ExecApprovalDialog", text); };
    QMessageBox box(parent);
    box.setWindowTitle(tr("Run a credential plugin?"));
    box.setIcon(QMessageBox::Question);
    box.setTextFormat(Qt::RichText);
    QString text = tr("The kubeconfig user <b>%1</b> (%2) gets its credentials by running:")
                       .arg(QString::fromStdString(request.userName).toHtmlEscaped(),
                            QString::fromStdString(request.where).toHtmlEscaped());
    text += QStringLiteral("<pre>%1</pre>").arg(ExecApprover::commandLine(request).toHtmlEscaped());
    if (!request.envNames.empty()) {
        QStringList names;
        for (const auto &n : request.envNames)
            names << QString::fromStdString(n);
        text += tr("with the environment variables %1 set.").arg(names.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    text += tr("<p>Run it only if you trust this kubeconfig.</p>");
    box.setText(text);
    auto *check = new QCheckBox(tr("Remember for this command line"), &box);
    check->setChecked(true);
    box.setCheckBox(check);
    box.setStandardButtons(QMessageBox::Yes | QMessageBox::No);
    box.setDefaultButton(QMessageBox::No);
    const bool ok = box.exec() == QMessageBox::Yes;
    if (remember)
        *remember = check->isChecked();
    return ok;
}
