// ExecApprovalDialog: a question dialog with the command line in a fixed font; environment values
// are never shown (they may be secrets), only their names.
#include "views/execapprovaldialog.h"

#include "models/execapprover.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

bool ExecApprovalDialog::ask(QWidget *parent, const kube::ExecApprovalRequest &request, bool *remember)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("ExecApprovalDialog", text); };
    // A dialog of its own, not a QMessageBox: the question's text takes the focus first, so a
    // screen reader reads the command line before the buttons, and Tab goes text → Remember →
    // Yes → No in reading order. No stays the default: Enter never runs a program unread.
    QDialog box(parent);
    box.setWindowTitle(tr("Run a credential plugin?"));
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
    auto *icon = new QLabel;
    icon->setPixmap(box.style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(48, 48));
    auto *label = new QLabel(text);
    label->setObjectName(QStringLiteral("execApprovalText"));
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setFocusPolicy(Qt::StrongFocus);
    auto *check = new QCheckBox(tr("Remember for this command line"));
    check->setChecked(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Yes | QDialogButtonBox::No);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &box, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &box, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addWidget(label, 1);
    auto *layout = new QVBoxLayout(&box);
    layout->addLayout(row);
    layout->addWidget(check);
    layout->addWidget(buttons);
    QPushButton *no = buttons->button(QDialogButtonBox::No);
    QPushButton *yes = buttons->button(QDialogButtonBox::Yes);
    yes->setAutoDefault(false);
    no->setDefault(true);
    // Reading order whatever the platform's button order (some put No first).
    QWidget::setTabOrder(label, check);
    QWidget::setTabOrder(check, yes);
    QWidget::setTabOrder(yes, no);
    label->setFocus();
    const bool ok = box.exec() == QDialog::Accepted;
    if (remember)
        *remember = check->isChecked();
    return ok;
}
