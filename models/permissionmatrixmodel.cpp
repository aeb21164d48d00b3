// PermissionMatrixModel: rows are references into the grid; every cell is read from the
// matrix's bit masks when the view asks for it.
#include "models/permissionmatrixmodel.h"

#include "kubeclient/rbac/cellquery.h"

#include <QSet>

using namespace kube::rbac;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }

QString scopeLabel(const MatrixScope &scope)
{
    switch (scope.kind) {
    case MatrixScope::Kind::Platform: return QStringLiteral("platform");
    case MatrixScope::Kind::Cluster: return QStringLiteral("cluster");
    case MatrixScope::Kind::Workspace: return QStringLiteral("workspace ") + qs(scope.name);
    case MatrixScope::Kind::Namespace: return qs(scope.name);
    }
    return {};
}
} // namespace

uint32_t PermissionGrid::allowedBits(size_t row, size_t entry) const
{
    uint32_t bits = matrix->rows()[row].allowed[entry];
    if (reviewed && row < reviewedRow.size() && reviewedRow[row])
        bits |= reviewed->rows()[row].allowed[entry];
    return bits;
}

uint32_t PermissionGrid::namedBits(size_t row, size_t entry) const
{
    uint32_t bits = matrix->rows()[row].named[entry];
    if (reviewed && row < reviewedRow.size() && reviewedRow[row])
        bits |= reviewed->rows()[row].named[entry];
    return bits;
}

PermissionMatrixModel::PermissionMatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString PermissionMatrixModel::stateText(State state)
{
    switch (state) {
    case State::Denied: return tr("denied");
    case State::Allowed: return tr("allowed");
    case State::Wildcard: return tr("allowed through a wildcard rule");
    case State::Named: return tr("allowed for some names only");
    case State::Superuser: return tr("allowed (system:masters, before RBAC)");
    case State::Reviewed: return tr("allowed, says the server's rules review for you (your bindings are not readable)");
    case State::Unknown: return tr("unknown: not allowed by what could be read");
    case State::NotApplicable: return tr("does not apply to this resource");
    case State::Policy: return tr("allowed by a Rego policy (iam.kubesphere.io/rego-override, evaluated by opa)");
    }
    return {};
}

QString PermissionMatrixModel::stateShortText(State state)
{
    switch (state) {
    case State::Denied: return tr("no");
    case State::Allowed: return tr("yes");
    case State::Wildcard: return tr("yes*");
    case State::Named: return tr("names");
    case State::Superuser: return tr("yes");
    case State::Reviewed: return tr("yes");
    case State::Unknown: return tr("unknown");
    case State::NotApplicable: return QStringLiteral("—");
    case State::Policy: return tr("rego");
    }
    return {};
}

QString PermissionMatrixModel::stateSymbol(State state)
{
    switch (state) {
    case State::Denied: return QStringLiteral("✗");
    case State::Allowed: return QStringLiteral("✓");
    case State::Wildcard: return QStringLiteral("✱");
    case State::Named: return QStringLiteral("◐");
    case State::Superuser: return QStringLiteral("★");
    case State::Reviewed: return QStringLiteral("✓");
    case State::Unknown: return QStringLiteral("?");
    case State::NotApplicable: return QString();
    case State::Policy: return QStringLiteral("R");
    }
    return {};
}

void PermissionMatrixModel::clear()
{
    beginResetModel();
    m_grid.reset();
    m_rows.clear();
    m_labels.clear();
    m_labelColumns = 0;
    m_total = 0;
    endResetModel();
}

void PermissionMatrixModel::setGrid(std::shared_ptr<const PermissionGrid> grid)
{
    beginResetModel();
    m_grid = std::move(grid);
    m_entryLabels.clear();
    m_entryGroups.clear();
    m_scopeLabels.clear();
    m_subjectLabels.clear();
    m_labels.clear();
    if (m_grid && m_grid->matrix) {
        const PermissionMatrix &m = *m_grid->matrix;
        for (const auto &e : m.catalog().entries()) {
            QString label = qs(e.subresource.empty() ? e.resource : e.resource + "/" + e.subresource);
            m_entryLabels.push_back(label);
            m_entryGroups.push_back(e.group.empty() ? QStringLiteral("core") : qs(e.group));
        }
        bool manySubjects = false, manyScopes = false;
        for (const auto &row : m.rows()) {
            m_scopeLabels.push_back(scopeLabel(row.scope));
            m_subjectLabels.push_back(qs(row.subject));
            manySubjects = manySubjects || row.subject != m.rows().front().subject;
            manyScopes = manyScopes || !(row.scope == m.rows().front().scope);
        }
        if (manySubjects)
            m_labels.push_back(Label::Subject);
        if (manyScopes)
            m_labels.push_back(Label::Scope);
        m_labels.push_back(Label::Resource);
        m_labels.push_back(Label::Group);
    }
    m_labelColumns = int(m_labels.size());
    rebuildRows();
    endResetModel();
}

void PermissionMatrixModel::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    rebuildRows();
    endResetModel();
}

int PermissionMatrixModel::verbCount() const
{
    return m_grid && m_grid->matrix ? int(m_grid->matrix->verbs().size()) : 0;
}

QString PermissionMatrixModel::verbAt(int column) const
{
    const int v = column - m_labelColumns;
    return v >= 0 && v < verbCount() ? qs(m_grid->matrix->verbs()[size_t(v)]) : QString();
}

PermissionMatrixModel::State PermissionMatrixModel::cellState(const PermissionMatrix &m, size_t row, size_t entry,
                                                              size_t verb, bool incomplete) const
{
    if (entry < m_grid->applicable.size() && !(m_grid->applicable[entry] >> verb & 1u))
        return State::NotApplicable;
    const MatrixRow &r = m.rows()[row];
    if (r.allowed[entry] >> verb & 1u) {
        if (r.superuser)
            return State::Superuser;
        if (m.viaPolicy(row, entry, verb))
            return State::Policy;
        return m.viaWildcard(row, entry, verb) ? State::Wildcard : State::Allowed;
    }
    if (r.named[entry] >> verb & 1u)
        return State::Named;
    if (&m == m_grid->matrix.get() && m_grid->reviewed && row < m_grid->reviewedRow.size() && m_grid->reviewedRow[row]) {
        const MatrixRow &v = m_grid->reviewed->rows()[row];
        if (v.allowed[entry] >> verb & 1u)
            return State::Reviewed;
        if (v.named[entry] >> verb & 1u)
            return State::Named;
        if (m_grid->reviewedRow[row] == 1)
            return State::Denied;  // a complete review of the caller: nothing else allows it
    }
    return incomplete ? State::Unknown : State::Denied;
}

int PermissionMatrixModel::otherRowOf(size_t row, size_t entry) const
{
    if (!m_grid->other || row >= m_grid->otherRow.size())
        return -1;
    // The Kubernetes view has no answer for KubeSphere's virtual resources.
    if (m_grid->otherKind == PermissionGrid::Other::View && m_grid->matrix->catalog().entries()[entry].virtualResource)
        return -1;
    return m_grid->otherRow[row];
}

bool PermissionMatrixModel::allowedish(State s)
{
    return s == State::Allowed || s == State::Wildcard || s == State::Superuser || s == State::Reviewed ||
           s == State::Policy;
}

bool PermissionMatrixModel::differs(size_t row, size_t entry, size_t verb, State *otherState) const
{
    const int other = otherRowOf(row, entry);
    if (other < 0)
        return false;
    const State mine = cellState(*m_grid->matrix, row, entry, verb, m_grid->incomplete);
    const State theirs = cellState(*m_grid->other, size_t(other), entry, verb, m_grid->incomplete);
    if (otherState)
        *otherState = theirs;
    return allowedish(mine) != allowedish(theirs) || (mine == State::Named) != (theirs == State::Named);
}

bool PermissionMatrixModel::risky(size_t row, size_t entry, size_t verb) const
{
    const auto &scope = m_grid->matrix->rows()[row].scope;
    const auto &mask = scope.kind == MatrixScope::Kind::Namespace ? m_grid->riskyNamespaced : m_grid->riskyCluster;
    return entry < mask.size() && (mask[entry] >> verb & 1u);
}

PermissionMatrixModel::State PermissionMatrixModel::stateAt(int row, int column) const
{
    const int v = column - m_labelColumns;
    if (!m_grid || row < 0 || size_t(row) >= m_rows.size() || v < 0 || v >= verbCount())
        return State::Denied;
    const RowRef ref = m_rows[size_t(row)];
    return cellState(*m_grid->matrix, ref.row, ref.entry, size_t(v), m_grid->incomplete);
}

bool PermissionMatrixModel::rowMatches(const RowRef &ref, const QString &text) const
{
    if (text.isEmpty())
        return true;
    const auto &e = m_grid->matrix->catalog().entries()[ref.entry];
    return m_entryLabels[ref.entry].contains(text, Qt::CaseInsensitive) ||
           m_entryGroups[ref.entry].contains(text, Qt::CaseInsensitive) ||
           qs(e.kind).contains(text, Qt::CaseInsensitive) ||
           m_scopeLabels[ref.row].contains(text, Qt::CaseInsensitive) ||
           m_subjectLabels[ref.row].contains(text, Qt::CaseInsensitive);
}

void PermissionMatrixModel::rebuildRows()
{
    m_rows.clear();
    m_total = 0;
    if (!m_grid || !m_grid->matrix)
        return;
    const PermissionMatrix &m = *m_grid->matrix;
    const size_t verbs = m.verbs().size();
    const QString text = m_filter.text.trimmed();
    const auto &entries = m.catalog().entries();
    for (uint32_t r = 0; r < m.rows().size(); ++r) {
        const MatrixRow &row = m.rows()[r];
        for (uint32_t e : m_grid->order) {
            if (!m.applies(row.scope, entries[e]))
                continue;
            ++m_total;
            const RowRef ref{r, e};
            const uint32_t applies = e < m_grid->applicable.size() ? m_grid->applicable[e] : ~0u;
            const uint32_t granted = m_grid->allowedBits(r, e) | m_grid->namedBits(r, e);
            if (m_filter.onlyAllowed && !(granted & applies))
                continue;
            if (m_filter.onlyRisky) {
                bool any = false;
                for (size_t v = 0; v < verbs && !any; ++v)
                    any = (granted & applies) >> v & 1u &&
                          (risky(r, e, v) || (!row.superuser && m.viaWildcard(r, e, v)));
                if (!any)
                    continue;
            }
            if (m_filter.onlyDiffering) {
                bool any = false;
                for (size_t v = 0; v < verbs && !any; ++v)
                    any = differs(r, e, v, nullptr);
                if (!any)
                    continue;
            }
            if (!rowMatches(ref, text))
                continue;
            m_rows.push_back(ref);
        }
    }
}

int PermissionMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PermissionMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_labelColumns + verbCount();
}

QStringList PermissionMatrixModel::columnLabels(int column) const
{
    if (column < 0 || column >= m_labelColumns)
        return {};
    const std::vector<QString> *labels = nullptr;
    switch (labelAt(column)) {
    case Label::Subject: labels = &m_subjectLabels; break;
    case Label::Scope: labels = &m_scopeLabels; break;
    case Label::Resource: labels = &m_entryLabels; break;
    case Label::Group: labels = &m_entryGroups; break;
    }
    QStringList out;
    QSet<QString> seen;
    for (const auto &l : *labels)
        if (!seen.contains(l)) {
            seen.insert(l);
            out << (labelAt(column) == Label::Resource ? QStringLiteral("   ") + l : l);
        }
    return out;
}

QString PermissionMatrixModel::scopeText(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_scopeLabels[m_rows[size_t(row)].row] : QString();
}

QString PermissionMatrixModel::subjectText(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? m_subjectLabels[m_rows[size_t(row)].row] : QString();
}

QString PermissionMatrixModel::resourceText(int row) const
{
    if (row < 0 || size_t(row) >= m_rows.size())
        return {};
    return qs(m_grid->matrix->catalog().entries()[m_rows[size_t(row)].entry].label());
}

int PermissionMatrixModel::findRow(const QString &scope, const QString &resource, const QString &subject) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const RowRef &ref = m_rows[i];
        if (m_scopeLabels[ref.row] == scope && qs(m_grid->matrix->catalog().entries()[ref.entry].label()) == resource &&
            (subject.isEmpty() || m_subjectLabels[ref.row] == subject))
            return int(i);
    }
    return -1;
}

QVariant PermissionMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_grid)
        return {};
    const RowRef ref = m_rows[size_t(index.row())];
    const PermissionMatrix &m = *m_grid->matrix;
    const CatalogEntry &entry = m.catalog().entries()[ref.entry];
    if (index.column() < m_labelColumns) {
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
            return {};
        switch (labelAt(index.column())) {
        case Label::Subject: return m_subjectLabels[ref.row];
        case Label::Scope: return m_scopeLabels[ref.row];
        case Label::Group: return m_entryGroups[ref.entry];
        case Label::Resource:
            if (role == Qt::ToolTipRole)
                return tr("%1 (%2%3)")
                    .arg(qs(entry.label()), qs(entry.kind.empty() ? std::string("?") : entry.kind),
                         entry.virtualResource ? tr(", a KubeSphere virtual resource") : QString());
            // Subresources sit under their resource, indented.
            return entry.subresource.empty() ? m_entryLabels[ref.entry] : QStringLiteral("   ") + m_entryLabels[ref.entry];
        }
        return {};
    }
    const size_t verb = size_t(index.column() - m_labelColumns);
    const State state = cellState(m, ref.row, ref.entry, verb, m_grid->incomplete);
    if (state == State::NotApplicable) {
        switch (role) {
        case Qt::DisplayRole: return stateShortText(state);
        case Qt::ToolTipRole:
        case Qt::AccessibleTextRole:
            return tr("%1 on %2: %3").arg(qs(m.verbs()[verb]), m_entryLabels[ref.entry], stateText(state));
        case StateRole: return int(state);
        case OtherStateRole: return -1;
        case DiffersRole:
        case RiskyRole: return false;
        case VerbRole: return qs(m.verbs()[verb]);
        case Qt::TextAlignmentRole: return int(Qt::AlignCenter);
        default: return {};
        }
    }
    State otherState = State::Denied;
    const bool comparable = otherRowOf(ref.row, ref.entry) >= 0;
    const bool differs = this->differs(ref.row, ref.entry, verb, &otherState);
    switch (role) {
    case Qt::DisplayRole:
        if (differs && m_grid->otherKind == PermissionGrid::Other::Subject)
            return stateShortText(state) + QStringLiteral(" | ") + stateShortText(otherState);
        return differs ? stateShortText(state) + QStringLiteral(" ≠") : stateShortText(state);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: {
        const auto request = cellRequest(m.rows()[ref.row].scope, entry, m.verbs()[verb]);
        QString text = tr("%1 %2: %3").arg(m_subjectLabels[ref.row], qs(request.toString()), stateText(state));
        if (differs)
            text += m_grid->otherKind == PermissionGrid::Other::Subject
                        ? tr("; %1: %2").arg(m_grid->otherLabel, stateText(otherState))
                        : tr("; differs: %1 says %2").arg(m_grid->otherLabel, stateText(otherState));
        if (risky(ref.row, ref.entry, verb) && allowedish(state))
            text += tr("; a known risk");
        return text;
    }
    case StateRole: return int(state);
    case OtherStateRole: return comparable ? int(otherState) : -1;
    case DiffersRole: return differs;
    case RiskyRole: return (allowedish(state) || state == State::Named) && risky(ref.row, ref.entry, verb);
    case VerbRole: return qs(m.verbs()[verb]);
    case RequestTextRole: return qs(cellRequest(m.rows()[ref.row].scope, entry, m.verbs()[verb]).toString());
    case Qt::TextAlignmentRole: return int(Qt::AlignCenter);
    default: return {};
    }
}

QVariant PermissionMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (section < 0 || section >= columnCount())
        return {};
    if (section >= m_labelColumns)
        return verbAt(section);
    switch (labelAt(section)) {
    case Label::Subject: return tr("Subject");
    case Label::Scope: return tr("Scope");
    case Label::Resource: return tr("Resource");
    case Label::Group: return tr("API group");
    }
    return {};
}
