// PinNamespacesDialog: names are separated by commas or spaces, as people paste them from
// `kubectl get ns` output or a chat message.
#include "views/pinnamespacesdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

PinNamespacesDialog::PinNamespacesDialog(const QString &clusterId, const QStringList &pinned, QWidget *parent)
    : QDialog(parent)
    , m_edit(new QLineEdit(pinned.join(QStringLiteral(", ")), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("pinNamespacesDialog"));
    setWindowTitle(tr("Pin namespaces"));
    m_edit->setObjectName(QStringLiteral("namespaces"));
    m_edit->setPlaceholderText(tr("team-a-dev, team-a-prod"));
    auto *text = new QLabel(tr("Namespaces to show for <b>%1</b> even when this identity may not list namespaces "
                               "(separated by commas):")
                                .arg(clusterId.toHtmlEscaped()),
                            this);
    text->setWordWrap(true);
    text->setBuddy(m_edit);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_edit);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(480, sizeHint().height());
}

QStringList PinNamespacesDialog::namespaces() const
{
    return parse(m_edit->text());
}

QStringList PinNamespacesDialog::parse(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QStringList out;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts))
        if (!out.contains(part))
            out << part;
    return out;
}
