// WorkspaceDialog: the manager list comes from the users the graph knows (free text allowed
// for users not listed); local validation runs first so a typo is named before any request.
#include "views/workspacedialog.h"

#include "models/tenancyoperations.h"

#include "kubeclient/kubesphere/names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

using namespace kube::tenancy;

WorkspaceDialog::WorkspaceDialog(PlanRunner *runner, const GraphSnapshot &snapshot, const QString &edit, QWidget *parent)
    : PlanDialog(runner, edit.isEmpty() ? tr("New workspace") : tr("Edit workspace %1").arg(edit), parent)
    , m_editing(!edit.isEmpty())
    , m_name(new QLineEdit)
    , m_alias(new QLineEdit)
    , m_description(new QLineEdit)
    , m_manager(new QComboBox)
    , m_clusters(new QLineEdit(QStringLiteral("host")))
    , m_propagation(new QComboBox)
    , m_isolation(new QCheckBox(tr("Isolate the workspace's network")))
{
    setObjectName(QStringLiteral("workspaceDialog"));
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("lower-case letters, digits and '-', at most 63"));
    m_manager->setEditable(true);
    m_manager->addItem(QString());
    snapshot.forEach(GraphKind::User, [&](const std::string &key, const GraphObject &) {
        m_manager->addItem(QString::fromStdString(key));
        return true;
    });
    m_propagation->addItem(tr("Orphan projects (default)"), QString());
    m_propagation->addItem(tr("Orphan projects"), QStringLiteral("Orphan"));
    m_propagation->addItem(tr("Delete projects (foreground)"), QStringLiteral("Foreground"));
    m_propagation->addItem(tr("Delete projects (background)"), QStringLiteral("Background"));
    m_isolation->setTristate(false);

    if (m_editing) {
        m_name->setText(edit);
        m_name->setReadOnly(true);
        if (const auto ws = snapshot.workspace(edit.toStdString())) {
            m_alias->setText(QString::fromStdString(ws->alias));
            m_description->setText(QString::fromStdString(ws->description));
            m_manager->setCurrentText(QString::fromStdString(ws->manager));
            QStringList clusters;
            for (const auto &c : ws->placement.clusters)
                clusters << QString::fromStdString(c);
            m_clusters->setText(clusters.join(QStringLiteral(", ")));
            const int p = m_propagation->findData(ws->deletionPropagationSet ? QString::fromStdString(ws->deletionPropagation) : QString());
            m_propagation->setCurrentIndex(std::max(0, p));
            m_isolation->setChecked(ws->isolation.enabled);
        }
    }

    auto *form = new QWidget;
    auto *layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("&Name:"), m_name);
    layout->addRow(tr("A&lias:"), m_alias);
    layout->addRow(tr("&Description:"), m_description);
    layout->addRow(tr("&Manager:"), m_manager);
    layout->addRow(tr("&Clusters:"), m_clusters);
    layout->addRow(tr("When &deleted:"), m_propagation);
    layout->addRow(QString(), m_isolation);
    setForm(form);

    for (QLineEdit *e : {m_name, m_alias, m_description, m_clusters})
        connect(e, &QLineEdit::textChanged, this, &PlanDialog::formChanged);
    connect(m_manager, &QComboBox::currentTextChanged, this, &PlanDialog::formChanged);
    connect(m_propagation, &QComboBox::currentIndexChanged, this, &PlanDialog::formChanged);
    connect(m_isolation, &QCheckBox::toggled, this, &PlanDialog::formChanged);
    setOperationFactory([this](QString *problem) -> PlanRunner::Operation {
        auto s = spec(problem);
        if (!s)
            return {};
        return m_editing ? TenancyOperations::editWorkspace(std::move(*s)) : TenancyOperations::createWorkspace(std::move(*s));
    });
}

std::optional<WorkspaceSpec> WorkspaceDialog::spec(QString *problem) const
{
    WorkspaceSpec spec;
    spec.name = m_name->text().trimmed().toStdString();
    if (auto ok = validateWorkspaceName(spec.name); !ok) {
        *problem = QString::fromStdString(ok.error().message);
        return std::nullopt;
    }
    spec.alias = m_alias->text().trimmed().toStdString();
    spec.description = m_description->text().trimmed().toStdString();
    spec.manager = m_manager->currentText().trimmed().toStdString();
    spec.clusters.clear();
    for (const QString &c : m_clusters->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!c.trimmed().isEmpty())
            spec.clusters.push_back(c.trimmed().toStdString());
    spec.deletionPropagation = m_propagation->currentData().toString().toStdString();
    if (m_isolation->isChecked() || m_editing)
        spec.networkIsolation = m_isolation->isChecked();
    return spec;
}
