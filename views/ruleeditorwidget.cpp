// RuleEditorWidget: lists are typed comma-separated; completion works on the item under the
// cursor, so "pods, deploy" completes "deployments" and keeps "pods, ". The core API group is
// written "" (as kubectl prints it) and "core" is accepted for it.
#include "views/ruleeditorwidget.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QCompleter>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QStringListModel>
#include <QVBoxLayout>

#include <set>

namespace {

// Completes the last comma-separated item of a line edit.
class ListCompleter final : public QCompleter
{
public:
    ListCompleter(QAbstractItemModel *model, QLineEdit *edit)
        : QCompleter(model, edit)
        , m_edit(edit)
    {
        setCaseSensitivity(Qt::CaseInsensitive);
        setFilterMode(Qt::MatchStartsWith);
        setCompletionMode(QCompleter::PopupCompletion);
    }
    QStringList splitPath(const QString &path) const override
    {
        return {path.section(QLatin1Char(','), -1).trimmed()};
    }
    QString pathFromIndex(const QModelIndex &index) const override
    {
        const QString text = m_edit->text();
        const int comma = text.lastIndexOf(QLatin1Char(','));
        const QString head = comma < 0 ? QString() : text.left(comma + 1) + QLatin1Char(' ');
        return head + QCompleter::pathFromIndex(index);
    }

private:
    QLineEdit *m_edit;
};

QStringList items(const QLineEdit *edit)
{
    QStringList out;
    for (const QString &part : edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            out << item;
    }
    return out;
}

QString listText(const nlohmann::json &rule, const char *key, bool group = false)
{
    QStringList parts;
    if (auto it = rule.find(key); it != rule.end() && it->is_array())
        for (const auto &v : *it)
            if (v.is_string()) {
                const auto s = QString::fromStdString(v.get<std::string>());
                parts << (group && s.isEmpty() ? QStringLiteral("\"\"") : s);
            }
    return parts.join(QStringLiteral(", "));
}

} // namespace

const QStringList &RuleEditorWidget::knownVerbs()
{
    static const QStringList verbs = {QStringLiteral("get"),      QStringLiteral("list"),
                                      QStringLiteral("watch"),    QStringLiteral("create"),
                                      QStringLiteral("update"),   QStringLiteral("patch"),
                                      QStringLiteral("delete"),   QStringLiteral("deletecollection"),
                                      QStringLiteral("escalate"), QStringLiteral("bind"),
                                      QStringLiteral("impersonate"), QStringLiteral("approve"),
                                      QStringLiteral("use"),      QStringLiteral("*")};
    return verbs;
}

RuleEditorWidget::RuleEditorWidget(bool nonResourceAllowed, QWidget *parent)
    : QWidget(parent)
    , m_nonResourceAllowed(nonResourceAllowed)
    , m_customVerbs(new QLineEdit)
    , m_groups(new QLineEdit)
    , m_resources(new QLineEdit)
    , m_names(new QLineEdit)
    , m_urls(new QLineEdit)
    , m_resourceKind(new QRadioButton(tr("&Resources")))
    , m_urlKind(new QRadioButton(tr("&Non-resource URLs")))
    , m_note(new QLabel)
    , m_fields(new QWidget)
    , m_resourceRows(new QWidget)
    , m_urlRow(new QWidget)
    , m_groupList(new QStringListModel(this))
    , m_resourceList(new QStringListModel(this))
{
    setObjectName(QStringLiteral("ruleEditor"));
    m_customVerbs->setObjectName(QStringLiteral("customVerbs"));
    m_groups->setObjectName(QStringLiteral("apiGroups"));
    m_resources->setObjectName(QStringLiteral("resources"));
    m_names->setObjectName(QStringLiteral("resourceNames"));
    m_urls->setObjectName(QStringLiteral("nonResourceURLs"));
    m_customVerbs->setPlaceholderText(tr("other verbs, comma-separated"));
    m_groups->setPlaceholderText(tr("\"\" for the core group, apps, *, …"));
    m_resources->setPlaceholderText(tr("pods, pods/log, deployments/scale, *, …"));
    m_names->setPlaceholderText(tr("empty: every object; else the names, comma-separated"));
    m_urls->setPlaceholderText(tr("/healthz, /apis/*, …"));

    m_groupCompleter = new ListCompleter(m_groupList, m_groups);
    m_resourceCompleter = new ListCompleter(m_resourceList, m_resources);
    m_groups->setCompleter(m_groupCompleter);
    m_resources->setCompleter(m_resourceCompleter);

    auto *kinds = new QButtonGroup(this);
    kinds->addButton(m_resourceKind);
    kinds->addButton(m_urlKind);
    m_resourceKind->setChecked(true);
    if (!m_nonResourceAllowed) {
        m_urlKind->setEnabled(false);
        m_urlKind->setToolTip(tr("Only platform and cluster roles can grant non-resource URLs."));
    }
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_resourceKind);
    kindRow->addWidget(m_urlKind);
    kindRow->addStretch();

    auto *verbGrid = new QGridLayout;
    verbGrid->setHorizontalSpacing(14);
    verbGrid->setVerticalSpacing(2);
    int i = 0;
    for (const QString &v : knownVerbs()) {
        auto *box = new QCheckBox(v == QLatin1String("*") ? tr("* (all verbs)") : v);
        box->setObjectName(QStringLiteral("verb:") + v);
        m_verbs.emplace(v, box);
        verbGrid->addWidget(box, i / 7, i % 7);
        connect(box, &QCheckBox::toggled, this, &RuleEditorWidget::onEdited);
        ++i;
    }
    auto *verbs = new QVBoxLayout;
    verbs->setContentsMargins(0, 0, 0, 0);
    verbs->addLayout(verbGrid);
    auto *custom = new QHBoxLayout;
    auto *otherLabel = new QLabel(tr("Other:"));
    otherLabel->setBuddy(m_customVerbs);
    m_customVerbs->setAccessibleName(tr("Other verbs"));
    custom->addWidget(otherLabel);
    custom->addWidget(m_customVerbs, 1);
    verbs->addLayout(custom);

    auto *resourceForm = new QFormLayout(m_resourceRows);
    resourceForm->setContentsMargins(0, 0, 0, 0);
    resourceForm->addRow(tr("API &groups:"), m_groups);
    resourceForm->addRow(tr("Re&sources:"), m_resources);
    resourceForm->addRow(tr("Resource na&mes:"), m_names);
    auto *urlForm = new QFormLayout(m_urlRow);
    urlForm->setContentsMargins(0, 0, 0, 0);
    urlForm->addRow(tr("&URLs:"), m_urls);

    auto *fieldsLayout = new QFormLayout(m_fields);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addRow(tr("Grants:"), kindRow);
    fieldsLayout->addRow(tr("Verbs:"), verbs);
    fieldsLayout->addRow(m_resourceRows);
    fieldsLayout->addRow(m_urlRow);

    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("ruleNote"));
    m_note->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_note);
    layout->addWidget(m_fields);

    for (QLineEdit *e : {m_customVerbs, m_groups, m_resources, m_names, m_urls})
        connect(e, &QLineEdit::textEdited, this, &RuleEditorWidget::onEdited);
    connect(m_groups, &QLineEdit::textChanged, this, &RuleEditorWidget::updateResourceCompletion);
    // Completion inserts text without textEdited: take it too.
    for (QCompleter *c : {m_groupCompleter, m_resourceCompleter})
        connect(c, qOverload<const QString &>(&QCompleter::activated), this, [this] { onEdited(); });
    connect(m_resourceKind, &QRadioButton::toggled, this, [this] {
        updateKind();
        onEdited();
    });
    updateKind();
}

QCheckBox *RuleEditorWidget::verbBox(const QString &verb) const
{
    const auto it = m_verbs.find(verb);
    return it == m_verbs.end() ? nullptr : it->second;
}

void RuleEditorWidget::updateKind()
{
    const bool urls = m_urlKind->isChecked();
    m_resourceRows->setVisible(!urls);
    m_urlRow->setVisible(urls);
}

void RuleEditorWidget::setRule(const nlohmann::json &rule, bool editable, const QString &why)
{
    m_loading = true;
    std::set<QString> verbs;
    QStringList custom;
    if (auto it = rule.find("verbs"); rule.is_object() && it != rule.end() && it->is_array())
        for (const auto &v : *it)
            if (v.is_string()) {
                const QString verb = QString::fromStdString(v.get<std::string>());
                if (m_verbs.count(verb))
                    verbs.insert(verb);
                else
                    custom << verb;
            }
    for (auto &[verb, box] : m_verbs)
        box->setChecked(verbs.count(verb) > 0);
    m_customVerbs->setText(custom.join(QStringLiteral(", ")));
    const nlohmann::json r = rule.is_object() ? rule : nlohmann::json::object();
    m_groups->setText(listText(r, "apiGroups", true));
    m_resources->setText(listText(r, "resources"));
    m_names->setText(listText(r, "resourceNames"));
    m_urls->setText(listText(r, "nonResourceURLs"));
    const bool urls = r.contains("nonResourceURLs") && !r.contains("resources") && !r.contains("apiGroups");
    (urls ? m_urlKind : m_resourceKind)->setChecked(true);
    updateKind();
    m_fields->setEnabled(editable);
    m_note->setText(why);
    m_note->setVisible(!why.isEmpty());
    m_loading = false;
}

void RuleEditorWidget::clearRule(const QString &why)
{
    setRule(nlohmann::json::object(), false, why);
}

nlohmann::json RuleEditorWidget::rule() const
{
    nlohmann::json r = nlohmann::json::object();
    nlohmann::json verbs = nlohmann::json::array();
    for (const QString &v : knownVerbs())
        if (m_verbs.at(v)->isChecked())
            verbs.push_back(v.toStdString());
    for (const QString &v : items(m_customVerbs))
        verbs.push_back(v.toStdString());
    r["verbs"] = verbs;
    auto put = [&](const char *key, const QStringList &list, bool group = false) {
        if (list.isEmpty())
            return;
        nlohmann::json a = nlohmann::json::array();
        for (const QString &s : list)
            a.push_back(group && (s == QLatin1String("\"\"") || s == QLatin1String("''") || s == QLatin1String("core"))
                            ? std::string()
                            : s.toStdString());
        r[key] = a;
    };
    if (m_urlKind->isChecked()) {
        put("nonResourceURLs", items(m_urls));
    } else {
        put("apiGroups", items(m_groups), true);
        put("resources", items(m_resources));
        put("resourceNames", items(m_names));
    }
    return r;
}

void RuleEditorWidget::onEdited()
{
    if (m_loading || !m_fields->isEnabled())
        return;
    emit ruleEdited(rule());
}

void RuleEditorWidget::setCatalog(std::shared_ptr<const kube::rbac::ResourceCatalog> catalog)
{
    m_catalog = std::move(catalog);
    std::set<QString> groups = {QStringLiteral("\"\""), QStringLiteral("*")};
    if (m_catalog)
        for (const auto &e : m_catalog->entries())
            if (!e.group.empty() && !e.authorizationOnly)
                groups.insert(QString::fromStdString(e.group));
    m_groupList->setStringList(QStringList(groups.begin(), groups.end()));
    updateResourceCompletion();
}

void RuleEditorWidget::updateResourceCompletion()
{
    if (!m_catalog)
        return;
    // Resources of the groups typed (all when none or "*"), each subresource as its own item.
    std::set<std::string> wanted;
    bool all = true;
    for (const QString &g : items(m_groups)) {
        if (g == QLatin1String("*"))
            break;
        all = false;
        wanted.insert(g == QLatin1String("\"\"") || g == QLatin1String("core") ? std::string() : g.toStdString());
    }
    if (items(m_groups).contains(QStringLiteral("*")))
        all = true;
    std::set<QString> resources = {QStringLiteral("*")};
    for (const auto &e : m_catalog->entries()) {
        if (e.virtualResource || (!all && !wanted.count(e.group)))
            continue;
        resources.insert(QString::fromStdString(e.subresource.empty() ? e.resource : e.resource + "/" + e.subresource));
    }
    m_resourceList->setStringList(QStringList(resources.begin(), resources.end()));
}
