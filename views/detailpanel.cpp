// DetailPanel: one page per tab, created once; setDetails() feeds the table models by key
// (RowTableModel::setRows) and only touches the overview labels whose text changed.
#include "views/detailpanel.h"
#include "views/tonestyle.h"

#include "views/dashboardwidget.h"
#include "views/permissionworkbenchwidget.h"

#include "models/bindingtablemodel.h"
#include "models/membertablemodel.h"
#include "models/networkpolicytablemodel.h"
#include "models/propertytablemodel.h"
#include "models/quotatablemodel.h"
#include "models/roletablemodel.h"
#include "models/ruletablemodel.h"
#include "models/timeformat.h"
#include "views/usagebardelegate.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QShortcut>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

// Row models hold RawRole at the same value for every model type.
constexpr int kRawRole = RowTableModel<PropertyRow>::RawRole;

} // namespace

DetailPanel::DetailPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_labels(new PropertyTableModel(this))
    , m_annotations(new PropertyTableModel(this))
    , m_members(new MemberTableModel(this))
    , m_bindings(new BindingTableModel(this))
    , m_roles(new RoleTableModel(this))
    , m_rules(new RuleTableModel(this))
    , m_quotas(new QuotaTableModel(this))
    , m_policies(new NetworkPolicyTableModel(this))
{
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Details"));

    m_pages = {{NodeDetails::OverviewTab, makeOverview()}, {NodeDetails::MembersTab, makeMembers()},
               {NodeDetails::BindingsTab, makeBindings()}, {NodeDetails::RolesTab, makeRoles()},
               {NodeDetails::QuotasTab, makeQuotas()},     {NodeDetails::NetworkTab, makeNetwork()},
               {NodeDetails::YamlTab, makeYaml()},         {NodeDetails::PermissionsTab, m_permissions = new PermissionWorkbenchWidget},
               {NodeDetails::DashboardTab, m_dashboard = new DashboardWidget}};
    const QStringList names{tr("Overview"), tr("Members"), tr("Access"), tr("Roles"),
                            tr("Quotas"),   tr("Network"), tr("YAML"),   tr("Permissions"), tr("Dashboard")};
    for (int i = 0; i < m_pages.size(); ++i)
        m_tabs->addTab(m_pages[i].second, names[i]);
    connect(m_tabs, &QTabWidget::currentChanged, this, &DetailPanel::currentTabChanged);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs);
    clear();
}

QTableView *DetailPanel::makeTable(QAbstractItemModel *model, int stretchColumn, const QString &name)
{
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(kRawRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    auto *view = new QTableView;
    view->setAccessibleName(name);
    // Tab leaves the table (arrows move between cells): a long table no longer holds the
    // keyboard for a press per cell before the next control.
    view->setTabKeyNavigation(false);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (stretchColumn >= 0)
        view->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    return view;
}

QWidget *DetailPanel::makeOverview()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *formHost = new QWidget;
    m_form = new QFormLayout(formHost);
    m_form->setLabelAlignment(Qt::AlignRight);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addWidget(formHost);
    auto *split = new QSplitter(Qt::Vertical);
    m_metadata = split;
    auto *labels = new QWidget;
    auto *ll = new QVBoxLayout(labels);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(heading(tr("Labels"), labels));
    ll->addWidget(makeTable(m_labels, PropertyTableModel::ValueColumn, tr("Labels")));
    auto *annotations = new QWidget;
    auto *al = new QVBoxLayout(annotations);
    al->setContentsMargins(0, 0, 0, 0);
    al->addWidget(heading(tr("Annotations"), annotations));
    al->addWidget(makeTable(m_annotations, PropertyTableModel::ValueColumn, tr("Annotations")));
    split->addWidget(labels);
    split->addWidget(annotations);
    layout->addWidget(split, 1);
    return page;
}

QWidget *DetailPanel::makeMembers()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_membersTitle = heading({}, page);
    layout->addWidget(m_membersTitle);
    m_memberBar = new QToolBar(page);
    m_memberBar->setObjectName(QStringLiteral("memberBar"));
    static_cast<QToolBar *>(m_memberBar)->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_memberBar->hide();
    layout->addWidget(m_memberBar);
    m_memberView = makeTable(m_members, MemberTableModel::NoteColumn, tr("Members"));
    m_memberView->setObjectName(QStringLiteral("memberTable"));
    m_memberView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_memberView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_memberView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DetailPanel::selectionChanged);
    layout->addWidget(m_memberView);
    return page;
}

QWidget *DetailPanel::makeBindings()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Bindings that grant this user access, at every level"), page));
    layout->addWidget(makeTable(m_bindings, BindingTableModel::BindingColumn, tr("Bindings that grant this user access")));
    return page;
}

QWidget *DetailPanel::makeRoles()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_rolesTitle = heading({}, page);
    layout->addWidget(m_rolesTitle);
    m_roleBar = new QToolBar(page);
    m_roleBar->setObjectName(QStringLiteral("roleBar"));
    static_cast<QToolBar *>(m_roleBar)->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_roleBar->hide();
    layout->addWidget(m_roleBar);
    auto *split = new QSplitter(Qt::Vertical);
    m_roleView = makeTable(m_roles, RoleTableModel::TemplatesColumn, tr("Roles"));
    m_roleView->setObjectName(QStringLiteral("roleTable"));
    m_roleView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_roleView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DetailPanel::selectionChanged);
    connect(m_roleView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit roleActivated(index.siblingAtColumn(RoleTableModel::NameColumn).data(kRawRole).toString());
    });
    m_roleProxy = static_cast<QSortFilterProxyModel *>(m_roleView->model());
    split->addWidget(m_roleView);
    auto *rules = new QWidget;
    auto *rl = new QVBoxLayout(rules);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(heading(tr("Rules of the selected role"), rules));
    rl->addWidget(makeTable(m_rules, RuleTableModel::ResourcesColumn, tr("Rules of the selected role")));
    m_templates = new QLabel(rules);
    m_templates->setWordWrap(true);
    m_templates->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rl->addWidget(m_templates);
    split->addWidget(rules);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    connect(m_roleView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DetailPanel::updateRules);
    // A role's rules may change live: follow the model, not just the selection.
    connect(m_roles, &QAbstractItemModel::dataChanged, this, &DetailPanel::updateRules);
    return page;
}

QWidget *DetailPanel::makeQuotas()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(heading(tr("Resource quotas (hard limits and usage)"), page));
    m_quotaBar = new QToolBar(page);
    m_quotaBar->setObjectName(QStringLiteral("quotaBar"));
    static_cast<QToolBar *>(m_quotaBar)->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_quotaBar->hide();
    layout->addWidget(m_quotaBar);
    QTableView *view = makeTable(m_quotas, -1, tr("Resource quotas"));
    m_quotaView = view;
    view->setObjectName(QStringLiteral("quotaTable"));
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->setItemDelegateForColumn(QuotaTableModel::UsageColumn,
                                   new UsageBarDelegate(QuotaTableModel::RatioRole, view, QuotaTableModel::FlaggedRole));
    view->setItemDelegateForColumn(QuotaTableModel::AllottedColumn,
                                   new UsageBarDelegate(QuotaTableModel::RatioRole, view, QuotaTableModel::FlaggedRole));
    view->horizontalHeader()->setSectionResizeMode(QuotaTableModel::UsageColumn, QHeaderView::Stretch);
    layout->addWidget(view, 1);
    m_quotaNotes = new QLabel(page);
    m_quotaNotes->setObjectName(QStringLiteral("quotaNotes"));
    m_quotaNotes->setWordWrap(true);
    m_quotaNotes->setTextFormat(Qt::RichText);
    m_quotaNotes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_quotaNotes);
    m_containerDefaults = new QLabel(page);
    m_containerDefaults->setWordWrap(true);
    m_containerDefaults->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_containerDefaults);
    return page;
}

QWidget *DetailPanel::makeNetwork()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_isolation = new QLabel(page);
    m_isolation->setObjectName(QStringLiteral("isolationLabel"));
    m_isolation->setTextFormat(Qt::RichText);
    layout->addWidget(m_isolation);
    m_isolationSwitch = new QCheckBox(tr("Isolate network"), page);
    m_isolationSwitch->setObjectName(QStringLiteral("isolationSwitch"));
    m_isolationSwitch->setEnabled(false);
    layout->addWidget(m_isolationSwitch);
    m_isolationExplanation = new QLabel(page);
    m_isolationExplanation->setObjectName(QStringLiteral("isolationExplanation"));
    m_isolationExplanation->setWordWrap(true);
    m_isolationExplanation->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_isolationExplanation);
    layout->addWidget(heading(tr("Network policies"), page));
    m_networkBar = new QToolBar(page);
    m_networkBar->setObjectName(QStringLiteral("networkBar"));
    static_cast<QToolBar *>(m_networkBar)->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_networkBar->hide();
    layout->addWidget(m_networkBar);
    m_policyView = makeTable(m_policies, NetworkPolicyTableModel::NoteColumn, tr("Network policies"));
    m_policyView->setObjectName(QStringLiteral("policyTable"));
    m_policyView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_policyView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DetailPanel::selectionChanged);
    connect(m_policyView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.data(NetworkPolicyTableModel::EditableRole).toBool())
            emit policyActivated(index.siblingAtColumn(NetworkPolicyTableModel::NameColumn).data(kRawRole).toString());
    });
    auto *del = new QShortcut(QKeySequence::Delete, m_policyView, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] {
        if (const QString name = selectedPolicy(); !name.isEmpty())
            emit policyDeleteRequested(name);
    });
    layout->addWidget(m_policyView, 1);
    return page;
}

QWidget *DetailPanel::makeYaml()
{
    m_yaml = new QPlainTextEdit;
    m_yaml->setReadOnly(true);
    m_yaml->setObjectName(QStringLiteral("yamlView"));
    m_yaml->setAccessibleName(tr("YAML of the selected object"));
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return m_yaml;
}

QWidget *DetailPanel::tab(NodeDetails::Tab which) const
{
    for (const auto &p : m_pages)
        if (p.first == which)
            return p.second;
    return nullptr;
}

bool DetailPanel::showTab(NodeDetails::Tab which)
{
    const int i = m_tabs->indexOf(tab(which));
    if (i < 0 || !m_tabs->isTabVisible(i))
        return false;
    m_tabs->setCurrentIndex(i);
    return true;
}

QString DetailPanel::yamlText() const { return m_yaml->toPlainText(); }

NodeDetails::Tab DetailPanel::currentTab() const
{
    for (const auto &p : m_pages)
        if (p.second == m_tabs->currentWidget())
            return p.first;
    return NodeDetails::OverviewTab;
}

QString DetailPanel::overviewValue(const QString &label) const
{
    for (const auto &row : m_formRows)
        if (row.first->text() == label + QLatin1Char(':'))
            return row.second->text();
    return {};
}

void DetailPanel::clear()
{
    NodeDetails none;
    none.title = tr("Nothing selected");
    none.tabs = NodeDetails::OverviewTab;
    setDetails(none);
    m_shownKey.clear();
}

void DetailPanel::setOverview(const QList<QPair<QString, QString>> &fields)
{
    bool sameLabels = fields.size() == m_formRows.size();
    for (int i = 0; sameLabels && i < fields.size(); ++i)
        sameLabels = m_formRows[i].first->text() == fields[i].first + QLatin1Char(':');
    if (!sameLabels) {
        while (m_form->rowCount() > 0)
            m_form->removeRow(0);
        m_formRows.clear();
        for (const auto &f : fields) {
            auto *key = new QLabel(f.first + QLatin1Char(':'));
            auto *value = new QLabel;
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            // One line each: a word-wrapped label inside tab pages gets a one-line height and
            // cuts URLs; a long value is clipped instead and shown whole in the tooltip.
            value->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
            value->setMinimumWidth(40);
            m_form->addRow(key, value);
            m_formRows.append(qMakePair(key, value));
        }
    }
    for (int i = 0; i < fields.size(); ++i) {
        QString text = fields[i].second;
        // Timestamps read as local time, the exact stamp stays in the tooltip.
        if (fields[i].first == tr("Created") || fields[i].first == tr("Last login")) {
            const QString shown = TimeFormat::display(text);
            m_formRows[i].second->setToolTip(text.isEmpty() ? QString() : tr("%1 (%2 ago)").arg(text, TimeFormat::age(text)));
            text = shown;
        }
        if (text.isEmpty())
            text = QStringLiteral("—");
        if (m_formRows[i].second->text() != text) {
            m_formRows[i].second->setText(text);
            if (m_formRows[i].second->toolTip().isEmpty() || text.size() > 60)
                m_formRows[i].second->setToolTip(text.size() > 60 ? text : QString());
        }
    }
}

void DetailPanel::updateRules()
{
    const QModelIndex current = m_roleView->selectionModel()->currentIndex();
    const RoleRow *row = current.isValid() ? m_roles->rowAt(m_roleProxy->mapToSource(current).row()) : nullptr;
    m_rules->setRulesJson(row ? row->rulesJson : QStringLiteral("[]"));
    if (!row)
        m_templates->setText(tr("Select a role to see its rules."));
    else if (row->templates.isEmpty())
        m_templates->setText(tr("Role templates: none (rules written directly)."));
    else
        m_templates->setText(tr("Composed from role templates: %1").arg(row->templates.join(QStringLiteral(", "))));
}

void DetailPanel::setDetails(const NodeDetails &d)
{
    const QString key = toString(d.kind) + QLatin1Char('/') + d.scope + QLatin1Char('/') + d.name;
    const bool newNode = key != m_shownKey;
    m_shownKey = key;
    m_title->setText(d.title);

    setOverview(d.overview);
    // Labels and annotations belong to an object; sections and clusters have none.
    m_metadata->setVisible(d.tabs & NodeDetails::YamlTab);
    m_labels->setRows(d.labels);
    m_annotations->setRows(d.annotations);
    m_membersTitle->setText(d.membersTitle);
    m_members->setRows(d.members);
    m_bindings->setRows(d.bindings);
    m_rolesTitle->setText(d.rolesTitle);
    m_roles->setRows(d.roles);
    if ((newNode || !m_roleView->selectionModel()->currentIndex().isValid()) && m_roleProxy->rowCount() > 0)
        m_roleView->setCurrentIndex(m_roleProxy->index(0, 0));
    updateRules();
    m_quotas->setRows(d.quotas);
    {
        // The workspace columns (sums over the projects) only where a row carries them.
        const bool sums = m_quotas->hasProjectSums();
        for (int c : {int(QuotaTableModel::ProjectsUsedColumn), int(QuotaTableModel::ProjectsHardColumn),
                      int(QuotaTableModel::AllottedColumn)})
            m_quotaView->setColumnHidden(c, !sums);
        // Rich text with the theme's colours, written again when the theme changes.
        ToneStyle::follow(m_quotaNotes, QStringLiteral("html"),
                          [label = m_quotaNotes, warnings = d.quotaWarnings, notes = d.quotaNotes] {
                              const QPalette pal = ToneStyle::basePalette(label);
                              QStringList lines;
                              for (const auto &w : warnings)
                                  lines << ThemeColors::span(ThemeColors::Tone::Error,
                                                             QStringLiteral("⚠ ") + w.toHtmlEscaped(), pal);
                              for (const auto &n : notes)
                                  lines << n.toHtmlEscaped();
                              label->setText(lines.join(QStringLiteral("<br>")));
                          });
    }
    QStringList defaults;
    for (const auto &p : d.containerDefaults)
        defaults << QStringLiteral("%1: %2").arg(p.first, p.second);
    m_containerDefaults->setText(defaults.isEmpty() ? QString()
                                                    : tr("Container defaults (LimitRange): %1").arg(defaults.join(QStringLiteral("; "))));
    ToneStyle::follow(m_isolation, QStringLiteral("html"),
                      [label = m_isolation, known = d.isolationKnown, on = d.isolationEnabled, text = d.isolationText] {
                          if (!known) {
                              label->clear();
                              return;
                          }
                          const auto tone = on ? ThemeColors::Tone::Ok : ThemeColors::Tone::Muted;
                          label->setText(tr("Network isolation: <b>%1</b>")
                                             .arg(ThemeColors::span(tone, text.toHtmlEscaped(), ToneStyle::basePalette(label))));
                      });
    m_policies->setRows(d.policies);
    m_isolationSwitch->setVisible(d.isolationSwitch);
    m_isolationExplanation->setVisible(d.isolationSwitch);
    m_isolationExplanation->setText(d.isolationExplanation);
    m_networkBar->setVisible(d.kind == NodeKind::Project && !static_cast<QToolBar *>(m_networkBar)->actions().isEmpty());

    if (m_yaml->toPlainText() != d.yaml) {
        // Live updates keep the reader's place in a long object.
        const int scroll = newNode ? 0 : m_yaml->verticalScrollBar()->value();
        m_yaml->setPlainText(d.yaml);
        m_yaml->verticalScrollBar()->setValue(scroll);
    }

    QWidget *current = m_tabs->currentWidget();
    for (const auto &p : m_pages)
        m_tabs->setTabVisible(m_tabs->indexOf(p.second), (d.tabs & p.first) != 0);
    const int currentIndex = m_tabs->indexOf(current);
    if (currentIndex < 0 || !m_tabs->isTabVisible(currentIndex))
        m_tabs->setCurrentIndex(0);
}

void DetailPanel::setMemberActions(const QList<QAction *> &actions)
{
    auto *bar = static_cast<QToolBar *>(m_memberBar);
    bar->clear();
    bar->addActions(actions);
    bar->setVisible(!actions.isEmpty());
    for (QAction *a : m_memberView->actions())
        m_memberView->removeAction(a);
    m_memberView->addActions(actions);
}

void DetailPanel::setRoleActions(const QList<QAction *> &actions)
{
    auto *bar = static_cast<QToolBar *>(m_roleBar);
    bar->clear();
    bar->addActions(actions);
    bar->setVisible(!actions.isEmpty());
    for (QAction *a : m_roleView->actions())
        m_roleView->removeAction(a);
    m_roleView->addActions(actions);
}

void DetailPanel::setQuotaActions(const QList<QAction *> &actions)
{
    auto *bar = static_cast<QToolBar *>(m_quotaBar);
    bar->clear();
    bar->addActions(actions);
    bar->setVisible(!actions.isEmpty());
    for (QAction *a : m_quotaView->actions())
        m_quotaView->removeAction(a);
    m_quotaView->addActions(actions);
}

QString DetailPanel::quotaNotesText() const
{
    return m_quotaNotes->text();
}

void DetailPanel::setIsolationAction(QAction *action)
{
    auto sync = [this, action] {
        const QSignalBlocker block(m_isolationSwitch);
        m_isolationSwitch->setChecked(action->isChecked());
        m_isolationSwitch->setEnabled(action->isEnabled() && action->isVisible());
        m_isolationSwitch->setToolTip(action->toolTip());
    };
    connect(action, &QAction::changed, m_isolationSwitch, sync);
    connect(action, &QAction::toggled, m_isolationSwitch, sync);
    // The switch asks (a plan dialog); it shows the cluster's state, not the click, until applied.
    connect(m_isolationSwitch, &QCheckBox::clicked, this, [action, sync] {
        sync();
        action->trigger();
    });
    sync();
}

void DetailPanel::setNetworkActions(const QList<QAction *> &actions)
{
    auto *bar = static_cast<QToolBar *>(m_networkBar);
    bar->clear();
    bar->addActions(actions);
    for (QAction *a : m_policyView->actions())
        m_policyView->removeAction(a);
    m_policyView->addActions(actions);
}

QString DetailPanel::selectedPolicy() const
{
    const auto rows = m_policyView->selectionModel()->selectedRows(NetworkPolicyTableModel::NameColumn);
    if (rows.isEmpty() || !rows.first().data(NetworkPolicyTableModel::EditableRole).toBool())
        return {};
    return rows.first().data(kRawRole).toString();
}

void DetailPanel::selectPolicy(const QString &name)
{
    auto *proxy = m_policyView->model();
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const QModelIndex index = proxy->index(r, NetworkPolicyTableModel::NameColumn);
        if (index.data(kRawRole).toString() == name) {
            m_policyView->setCurrentIndex(index);
            m_policyView->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return;
        }
    }
}

QStringList DetailPanel::selectedMembers() const
{
    QStringList out;
    const auto rows = m_memberView->selectionModel()->selectedRows(MemberTableModel::SubjectColumn);
    for (const QModelIndex &index : rows) {
        const QModelIndex kind = index.siblingAtColumn(MemberTableModel::KindColumn);
        if (kind.data(kRawRole).toString() != QLatin1String("User"))
            continue;
        const QString user = index.data(kRawRole).toString();
        if (!out.contains(user))
            out << user;
    }
    return out;
}

QString DetailPanel::selectedRole() const
{
    const auto rows = m_roleView->selectionModel()->selectedRows(RoleTableModel::NameColumn);
    return rows.isEmpty() ? QString() : rows.first().data(kRawRole).toString();
}

void DetailPanel::selectMembers(const QStringList &users)
{
    QItemSelection selection;
    const QAbstractItemModel *model = m_memberView->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex subject = model->index(r, MemberTableModel::SubjectColumn);
        if (users.contains(subject.data(kRawRole).toString())
            && model->index(r, MemberTableModel::KindColumn).data(kRawRole).toString() == QLatin1String("User"))
            selection.select(subject, model->index(r, MemberTableModel::ColumnCount - 1));
    }
    m_memberView->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void DetailPanel::selectRole(const QString &name)
{
    const QAbstractItemModel *model = m_roleView->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, RoleTableModel::NameColumn);
        if (index.data(kRawRole).toString() == name) {
            m_roleView->setCurrentIndex(index);
            m_roleView->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return;
        }
    }
}
