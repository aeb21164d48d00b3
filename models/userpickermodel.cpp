// UserPickerModel: each user's search text is folded once when the list is set; a keystroke
// then only compares strings and refills an index vector whose capacity is kept, so typing
// allocates nothing in proportion to the list. A search that extends the previous one (typing
// on) scans only the rows already shown.
#include "models/userpickermodel.h"

#include "models/naturalorder.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"

#include <QSet>

#include <algorithm>

using namespace kube;
using namespace kube::tenancy;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }
} // namespace

UserPickerModel::UserPickerModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QHash<QString, QStringList> UserPickerModel::membersOf(const GraphSnapshot &snapshot, const MemberScope &scope)
{
    std::vector<MemberInfo> members;
    switch (scope.level) {
    case RoleSpec::Level::Platform: members = snapshot.platformMembers(); break;
    case RoleSpec::Level::Cluster: members = snapshot.clusterMembers(); break;
    case RoleSpec::Level::Workspace: members = snapshot.workspaceMembers(scope.name); break;
    case RoleSpec::Level::Project: members = snapshot.projectMembers(scope.name); break;
    }
    QHash<QString, QStringList> out;
    for (const auto &m : members) {
        if (!m.subject.isUser())
            continue;
        // Tenantry's own RBAC copies (3.x standalone) are not memberships of their own.
        if (m.object && !ObjectMeta(*m.object).label(kGeneratedByLabel).empty())
            continue;
        QStringList &roles = out[qs(m.subject.name)];
        const QString role = qs(m.roleRef.name);
        if (!roles.contains(role))
            roles.push_back(role);
    }
    return out;
}

std::vector<UserPickerModel::Candidate> UserPickerModel::candidatesFor(const GraphSnapshot &snapshot,
                                                                       const MemberScope &scope, Mode mode)
{
    const QHash<QString, QStringList> members = membersOf(snapshot, scope);
    std::vector<Candidate> out;
    out.reserve(mode == Mode::Add ? snapshot.count(GraphKind::User) : size_t(members.size()));
    QHash<QString, bool> seen;
    for (const auto &u : snapshot.users()) {
        if (u.deleting)
            continue;
        Candidate c;
        c.name = qs(u.name);
        const auto it = members.constFind(c.name);
        c.member = it != members.constEnd();
        if (mode == Mode::Members && !c.member)
            continue;
        c.displayName = qs(u.displayName);
        c.email = qs(u.email);
        if (c.member)
            c.memberRole = it->join(QStringLiteral(", "));
        seen.insert(c.name, true);
        out.push_back(std::move(c));
    }
    // Bindings of users that no longer exist can still be changed or removed.
    if (mode == Mode::Members)
        for (auto it = members.constBegin(); it != members.constEnd(); ++it)
            if (!seen.contains(it.key()))
                out.push_back({it.key(), {}, {}, it->join(QStringLiteral(", ")), true, true});
    return out;
}

void UserPickerModel::setCandidates(std::vector<Candidate> candidates, Mode mode)
{
    const QStringList keep = checkedUsers();
    beginResetModel();
    m_mode = mode;
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate &a, const Candidate &b) { return NaturalOrder::less(a.name, b.name); });
    m_entries.clear();
    m_entries.reserve(candidates.size());
    m_byName.clear();
    m_byName.reserve(int(candidates.size()));
    for (auto &c : candidates) {
        Entry e;
        e.haystack = (c.name + QLatin1Char('\n') + c.displayName + QLatin1Char('\n') + c.email).toCaseFolded();
        e.candidate = std::move(c);
        m_byName.insert(e.candidate.name, int(m_entries.size()));
        m_entries.push_back(std::move(e));
    }
    m_checkedCount = 0;
    for (const QString &u : keep) {
        const auto it = m_byName.constFind(u);
        if (it != m_byName.constEnd() && tickable(m_entries[size_t(*it)])) {
            m_entries[size_t(*it)].checked = true;
            ++m_checkedCount;
        }
    }
    m_visible.reserve(m_entries.size());
    m_scratch.reserve(m_entries.size());
    collect(nullptr);
    std::swap(m_visible, m_scratch);
    endResetModel();
    if (!keep.isEmpty())
        emit checkedChanged();
}

bool UserPickerModel::matches(const Entry &e) const
{
    for (const QString &t : m_terms)
        if (!e.haystack.contains(t))
            return false;
    return true;
}

void UserPickerModel::collect(const std::vector<int> *from)
{
    m_scratch.clear();
    if (from) {
        for (int i : *from)
            if (matches(m_entries[size_t(i)]))
                m_scratch.push_back(i);
        return;
    }
    for (int i = 0; i < int(m_entries.size()); ++i)
        if (matches(m_entries[size_t(i)]))
            m_scratch.push_back(i);
}

void UserPickerModel::setFilterText(const QString &text)
{
    m_filterText = text;
    const QString folded = text.simplified().toCaseFolded();
    if (folded == m_folded)
        return;
    // Typing on (the new search starts with the old one) can only narrow what is shown.
    const bool narrowing = !m_folded.isEmpty() && folded.startsWith(m_folded);
    m_folded = folded;
    m_terms = folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    collect(narrowing ? &m_visible : nullptr);
    if (m_scratch == m_visible)
        return;
    beginResetModel();
    std::swap(m_visible, m_scratch);
    endResetModel();
}

QStringList UserPickerModel::checkedUsers() const
{
    QStringList out;
    if (m_checkedCount == 0)
        return out;
    out.reserve(m_checkedCount);
    for (const auto &e : m_entries)
        if (e.checked)
            out.push_back(e.candidate.name);
    return out;
}

bool UserPickerModel::isChecked(const QString &user) const
{
    const auto it = m_byName.constFind(user);
    return it != m_byName.constEnd() && m_entries[size_t(*it)].checked;
}

void UserPickerModel::setTick(Entry &e, bool checked)
{
    if (e.checked == checked)
        return;
    e.checked = checked;
    m_checkedCount += checked ? 1 : -1;
    const int row = rowOfUser(e.candidate.name);
    if (row >= 0)
        emit dataChanged(index(row, NameColumn), index(row, NameColumn), {Qt::CheckStateRole});
}

bool UserPickerModel::setChecked(const QString &user, bool checked)
{
    const auto it = m_byName.constFind(user);
    if (it == m_byName.constEnd() || !tickable(m_entries[size_t(*it)]))
        return false;
    const int before = m_checkedCount;
    setTick(m_entries[size_t(*it)], checked);
    if (before != m_checkedCount)
        emit checkedChanged();
    return true;
}

void UserPickerModel::setCheckedUsers(const QStringList &users)
{
    const QSet<QString> wanted(users.begin(), users.end());
    bool changed = false;
    for (auto &e : m_entries) {
        const bool want = tickable(e) && wanted.contains(e.candidate.name);
        changed = changed || want != e.checked;
        setTick(e, want);
    }
    if (changed)
        emit checkedChanged();
}

int UserPickerModel::rowOfUser(const QString &user) const
{
    const auto it = m_byName.constFind(user);
    if (it == m_byName.constEnd())
        return -1;
    // m_visible is in entry order: a binary search finds the row.
    const auto pos = std::lower_bound(m_visible.begin(), m_visible.end(), *it);
    return pos != m_visible.end() && *pos == *it ? int(pos - m_visible.begin()) : -1;
}

int UserPickerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int UserPickerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserPickerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries[size_t(m_visible[size_t(index.row())])];
    const Candidate &c = e.candidate;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return c.name;
        case DisplayNameColumn: return c.displayName;
        case EmailColumn: return c.email;
        case MembershipColumn:
            if (c.userMissing)
                return tr("%1 (user deleted)").arg(c.memberRole);
            return c.memberRole;
        }
        return {};
    case Qt::CheckStateRole:
        if (index.column() != NameColumn)
            return {};
        // A member in Add mode shows a greyed tick: already in, nothing to add.
        return (e.checked || !tickable(e)) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        if (m_mode == Mode::Add && c.member)
            return tr("%1 is already a member (%2)").arg(c.name, c.memberRole);
        if (c.userMissing)
            return tr("The user %1 no longer exists; the binding remains").arg(c.name);
        return c.email.isEmpty() ? c.name : tr("%1 <%2>").arg(c.name, c.email);
    case UserNameRole: return c.name;
    case MemberRoleRole: return c.memberRole;
    case IsMemberRole: return c.member;
    }
    return {};
}

bool UserPickerModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != NameColumn)
        return false;
    Entry &e = m_entries[size_t(m_visible[size_t(index.row())])];
    if (!tickable(e))
        return false;
    const bool want = value.toInt() == Qt::Checked;
    if (want == e.checked)
        return true;
    setTick(e, want);
    emit checkedChanged();
    return true;
}

Qt::ItemFlags UserPickerModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    const Entry &e = m_entries[size_t(m_visible[size_t(index.row())])];
    if (!tickable(e))
        return Qt::ItemNeverHasChildren;  // shown, greyed: already a member
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant UserPickerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("User");
    case DisplayNameColumn: return tr("Display name");
    case EmailColumn: return tr("E-mail");
    case MembershipColumn: return m_mode == Mode::Add ? tr("Already a member as") : tr("Current role");
    }
    return {};
}
