// ImportKubeconfigDialog: loading and testing run on the worker pool through the model; the
// dialog only reflects their answers, so a slow or dead server never freezes it.
#include "views/importkubeconfigdialog.h"
#include "views/tonestyle.h"

#include "models/kubeconfigcontextmodel.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

ImportKubeconfigDialog::ImportKubeconfigDialog(ExecApprover *approver, const QString &file, const QStringList &connected,
                                               QWidget *parent)
    : QDialog(parent)
    , m_model(new KubeconfigContextModel(approver, this))
    , m_connected(connected)
    , m_path(new QLineEdit(file, this))
    , m_files(new QLabel(this))
    , m_table(new QTableView(this))
{
    setWindowTitle(tr("Import kubeconfig"));
    setObjectName(QStringLiteral("importDialog"));
    m_path->setPlaceholderText(tr("$KUBECONFIG, else ~/.kube/config"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *reload = new QPushButton(tr("&Load"), this);
    auto *pathRow = new QHBoxLayout;
    auto *pathLabel = new QLabel(tr("&Kubeconfig:"), this);
    pathLabel->setBuddy(m_path);
    pathRow->addWidget(pathLabel);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    pathRow->addWidget(reload);
    m_files->setWordWrap(true);
    m_files->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Contexts"));
    m_table->setAccessibleDescription(tr("Space ticks the current context; arrows move between contexts"));
    m_table->setTabKeyNavigation(false);  // Tab goes on to the buttons
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(this);
    m_test = buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    m_ok = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_ok->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ImportKubeconfigDialog::testSelected);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Kubeconfig file"), m_path->text());
        if (!f.isEmpty()) {
            m_path->setText(f);
            load(f);
        }
    });
    connect(reload, &QPushButton::clicked, this, [this] { load(m_path->text().trimmed()); });
    connect(m_path, &QLineEdit::returnPressed, this, [this] { load(m_path->text().trimmed()); });
    connect(m_model, &KubeconfigContextModel::loaded, this, [this](const QString &error) {
        if (!error.isEmpty()) {
            ToneStyle::follow(m_files, QStringLiteral("html"), [label = m_files, error] {
                label->setText(ThemeColors::span(ThemeColors::Tone::Error, error.toHtmlEscaped(), ToneStyle::basePalette(label)));
            });
        } else {
            ToneStyle::follow(m_files, QStringLiteral("html"), [] {});
            m_files->setText(m_model->files().isEmpty() ? tr("No kubeconfig file found.")
                                                        : tr("Read: %1").arg(m_model->files().join(QStringLiteral(", "))));
        }
        QStringList check = m_connected;
        if (check.isEmpty())  // first start: offer the current context
            for (int r = 0; r < m_model->rowCount(); ++r)
                if (m_model->rowAt(r)->current)
                    check << m_model->rowAt(r)->name;
        m_model->setChecked(check);
        if (m_model->rowCount() > 0)
            m_table->selectRow(0);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        m_ok->setEnabled(!m_model->checkedConnections().isEmpty());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_ok->setEnabled(!m_model->checkedConnections().isEmpty());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pathRow);
    layout->addWidget(m_files);
    layout->addWidget(m_table, 1);
    layout->addWidget(new QLabel(tr("Tick the contexts to connect to. Credentials stay in the kubeconfig; "
                                    "Tenantry remembers only the file and context names."), this));
    layout->addWidget(buttons);
    // Top to bottom: the path row (made first, its buttons after the table), then the table.
    setTabOrder(m_path, browse);
    setTabOrder(browse, reload);
    setTabOrder(reload, m_table);
    resize(900, 420);
    load(file);
}

void ImportKubeconfigDialog::load(const QString &file)
{
    m_files->setText(tr("Reading…"));
    m_model->load(file);
}

void ImportKubeconfigDialog::testSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        m_model->testConnection(current.row());
}

QList<ConnectionSpec> ImportKubeconfigDialog::connections() const
{
    return m_model->checkedConnections();
}
