// A table over a computed permission matrix: one row per (subject, scope, resource) the
// matrix has a cell for, one column per verb, so the 1M cells of a subject over every project
// are read from the engine's bit masks on demand, never copied into items. Rows can be
// filtered by text, "only allowed", "only risky" and "only differing"; a second matrix (the
// other view, or a second subject) makes each cell say where the two disagree.
#pragma once

#include "kubeclient/rbac/permissionmatrix.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

// Everything a matrix view shows, computed on a worker thread and then handed over whole.
struct PermissionGrid {
    enum class Other { None, View, Subject };

    std::shared_ptr<const kube::rbac::PermissionMatrix> matrix;
    // The same scopes and catalog as another view, or for another subject; null when none.
    std::shared_ptr<const kube::rbac::PermissionMatrix> other;
    Other otherKind = Other::None;
    QString otherLabel;            // "kube-apiserver" / "ks-apiserver" / the compared subject
    std::vector<int> otherRow;     // per matrix row: the row of `other` at the same scope, or -1
    std::vector<uint32_t> order;   // catalog entries in display order (core first, group, resource, subresources)
    // Per catalog entry, the verbs whose grant is a known risk: bound cluster-wide / in a namespace.
    std::vector<uint32_t> riskyCluster, riskyNamespaced;
    // Per catalog entry, the verbs that mean something for it (PermissionMatrix::verbApplies).
    std::vector<uint32_t> applicable;
    // Some RBAC objects could not be read: a cell the data does not allow is unknown, not denied.
    bool incomplete = false;
    // The index the matrix was computed from (explanations and who-can use the same one).
    std::shared_ptr<const kube::rbac::RbacIndex> index;
    // For the caller's own rows when the data is incomplete: the server's rules review
    // (SelfSubjectRulesReview) as a matrix over the same rows, and per row whether a complete
    // review answered it (its denials are then real). Null when not asked.
    std::shared_ptr<const kube::rbac::PermissionMatrix> reviewed;
    std::shared_ptr<const kube::rbac::RbacIndex> reviewedIndex;
    std::vector<uint8_t> reviewedRow;  // 0: not reviewed, 1: complete review, 2: incomplete review

    // Allowed (any name) / named-only bits of a cell row, the review's included.
    uint32_t allowedBits(size_t row, size_t entry) const;
    uint32_t namedBits(size_t row, size_t entry) const;
};

class PermissionMatrixModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class State {
        Denied,
        Allowed,
        Wildcard,   // allowed, but only through a rule with a "*"
        Named,      // allowed for some resource names only
        Superuser,  // system:masters: allowed before RBAC runs
        Reviewed,   // allowed by the server's rules review for the caller (its bindings unreadable)
        Unknown,    // not allowed by what could be read, and some RBAC objects could not be read
        NotApplicable,  // the verb means nothing for this resource (escalate on pods)
        Policy,         // KubeSphere: allowed by a role's Rego policy alone (evaluated by opa)
    };
    Q_ENUM(State)

    enum Role {
        StateRole = Qt::UserRole + 1,  // State of a verb cell
        OtherStateRole,                // State in the other matrix (when there is one), else -1
        DiffersRole,                   // bool: the two matrices disagree on this cell
        RiskyRole,                     // bool: the cell is allowed and a known risk
        VerbRole,                      // the verb of the column
        RequestTextRole,               // "list pods in namespace ns1"
    };

    struct Filter {
        QString text;  // matched against resource, API group, scope and subject
        bool onlyAllowed = false;
        bool onlyRisky = false;
        bool onlyDiffering = false;
        bool operator==(const Filter &) const = default;
    };

    explicit PermissionMatrixModel(QObject *parent = nullptr);

    // A new grid replaces the old one (a reset; selection is restored by the view by key).
    void setGrid(std::shared_ptr<const PermissionGrid> grid);
    void setFilter(const Filter &filter);
    const Filter &filter() const { return m_filter; }
    void clear();

    const PermissionGrid *grid() const { return m_grid.get(); }
    // Number of verb columns before which the label columns come.
    int firstVerbColumn() const { return m_labelColumns; }
    int verbCount() const;
    // The matrix row and catalog entry a model row shows.
    struct RowRef {
        uint32_t row = 0;
        uint32_t entry = 0;
    };
    RowRef rowRef(int row) const { return m_rows[size_t(row)]; }
    // A cell's verb, or empty for a label column.
    QString verbAt(int column) const;
    State stateAt(int row, int column) const;
    // The model row of (scope text, resource label), for restoring a selection; -1 if gone.
    int findRow(const QString &scope, const QString &resource, const QString &subject = {}) const;
    // The distinct texts of a label column (for sizing it without visiting every row).
    QStringList columnLabels(int column) const;
    QString scopeText(int row) const;
    QString subjectText(int row) const;
    QString resourceText(int row) const;
    // How many rows the matrix has before filtering, and verb cells shown now.
    size_t totalRows() const { return m_total; }
    size_t shownCells() const { return m_rows.size() * size_t(verbCount()); }

    static QString stateText(State state);        // "allowed", "allowed through a wildcard", ...
    static QString stateShortText(State state);   // "yes", "yes*", "names", "no", "unknown", "—"
    static QString stateSymbol(State state);      // a glyph that says it without colour

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    enum class Label { Subject, Scope, Resource, Group };

    void rebuildRows();
    State cellState(const kube::rbac::PermissionMatrix &m, size_t row, size_t entry, size_t verb, bool incomplete) const;
    bool risky(size_t row, size_t entry, size_t verb) const;
    int otherRowOf(size_t row, size_t entry) const;  // the compared row, or -1 when the cell has no peer
    static bool allowedish(State s);
    bool differs(size_t row, size_t entry, size_t verb, State *otherState) const;
    bool rowMatches(const RowRef &ref, const QString &text) const;
    Label labelAt(int column) const { return m_labels[size_t(column)]; }

    std::shared_ptr<const PermissionGrid> m_grid;
    Filter m_filter;
    std::vector<RowRef> m_rows;
    std::vector<Label> m_labels;
    int m_labelColumns = 0;
    size_t m_total = 0;
    std::vector<QString> m_entryLabels, m_entryGroups, m_scopeLabels, m_subjectLabels;
};
