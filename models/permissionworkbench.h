// The permission workbench's state and work, without widgets: the question (subject, groups,
// scope, view, layout, compared subject), the matrix computed off the GUI thread (newest
// question wins, live changes coalesced by the source), and the answers about one cell: why,
// who can, the risks of the scope, and verification by SubjectAccessReview. Every answer
// comes from kubeclient/rbac; this class only schedules it and turns it into models.
#pragma once

#include "models/permissionmatrixmodel.h"
#include "models/permissionsource.h"
#include "models/rowtablemodel.h"

#include "kubeclient/rbac/cellquery.h"
#include "kubeclient/trace/traceform.h"
#include "kubeclient/rbac/view.h"

#include <QObject>
#include <QPointer>

#include <memory>

// One who-can answer as a table row.
struct WhoCanRow {
    QString subject, kind, where, via, rule, members;
    bool system = false;  // a system: subject (shown, and marked)
    QString key() const { return kind + QLatin1Char('\n') + subject + QLatin1Char('\n') + where + QLatin1Char('\n') + via; }
    bool operator==(const WhoCanRow &) const = default;
};

class WhoCanModel final : public RowTableModel<WhoCanRow>
{
    Q_OBJECT
public:
    enum Column { SubjectColumn, WhereColumn, ViaColumn, RuleColumn, MembersColumn, ColumnCount };
    using RowTableModel::RowTableModel;
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cell(const WhoCanRow &row, int column, int role) const override;
};

struct RiskRow {
    QString severity, kind, what, subject, where, via, rule;
    QString bindingKind, bindingNamespace, bindingName;  // to open the binding
    QString key() const { return severity + kind + subject + where + via + what; }
    bool operator==(const RiskRow &) const = default;
};

class RiskModel final : public RowTableModel<RiskRow>
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, KindColumn, WhatColumn, SubjectColumn, WhereColumn, ViaColumn, ColumnCount };
    using RowTableModel::RowTableModel;
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cell(const RiskRow &row, int column, int role) const override;
};

// An object named by a path (binding or role), to open in the tree or as YAML.
struct PathObject {
    QString apiGroup, kind, ns, name;
    QString text() const { return kind + QLatin1Char(' ') + (ns.isEmpty() ? name : ns + QLatin1Char('/') + name); }
};

class PermissionWorkbench final : public QObject
{
    Q_OBJECT
public:
    enum class ScopeKind { Platform, Cluster, Workspace, Project, AllProjects };
    enum class Layout {
        ByResource,  // the subject's matrix in the scope: resources x verbs
        ByProject,   // one resource, the subject in every scope: scopes x verbs
        BySubject,   // one resource, every known subject in the scope: subjects x verbs
    };

    struct Query {
        QString subject;  // empty: me
        QStringList extraGroups;
        QString compareWith;  // a second subject, empty: none
        bool compareViews = true;  // mark cells where kube-apiserver and ks-apiserver differ
        ScopeKind scope = ScopeKind::Cluster;
        QString scopeName;  // workspace or project
        kube::rbac::View view = kube::rbac::View::Kubernetes;
        Layout layout = Layout::ByResource;
        QString resource;  // for ByProject / BySubject: a catalog label ("pods", "deployments.apps/scale")
        bool operator==(const Query &) const = default;
    };

    struct Verification {
        size_t checked = 0;
        QStringList disagreements;
        QStringList errors;
        QString summary;
    };

    explicit PermissionWorkbench(QObject *parent = nullptr);
    ~PermissionWorkbench() override;

    void setSource(PermissionSource *source);
    PermissionSource *source() const { return m_source; }
    void setQuery(const Query &query);
    const Query &query() const { return m_query; }

    PermissionMatrixModel *matrixModel() const { return m_matrix; }
    WhoCanModel *whoCanModel() const { return m_whoCan; }
    RiskModel *riskModel() const { return m_risks; }

    bool computing() const { return m_running; }
    // Stops the running matrix (Cancel beside the activity bar): the matrix shown stays, with
    // its title, and wasCancelled() holds until the next answer.
    void cancel();
    bool wasCancelled() const { return m_cancelled; }
    // Asks the current question again (after a cancel).
    void recompute();
    QString error() const { return m_error; }
    QString notice() const { return m_notice; }  // e.g. "no binding names this subject"
    // What the shown matrix answers ("alice in project ns1, kubernetes view").
    QString title() const { return m_title; }
    qint64 lastComputeMs() const { return m_lastMs; }
    // The subjects the source knows, as labels for a picker ("alice", "Group devs", ...).
    QStringList knownSubjects() const;
    QStringList workspaces() const;
    QStringList projects() const;
    QStringList resources() const;  // catalog labels of the current view
    bool kubesphere() const;  // the data has KubeSphere's IAM API: its view applies

    // Answers about one cell of the matrix model (async: explained / whoCanReady follow).
    void explain(const QModelIndex &cell);
    void whoCan(const QModelIndex &cell);
    // who-can for a typed question: "list pods", scope as the query's.
    bool whoCanTyped(const QString &verb, const QString &resource, QString *error = nullptr);
    void scanRisks();
    // Asks kube-apiserver (SubjectAccessReview) for the shown cells, or a spread sample of at
    // most `max` of them; needs a live source.
    void verify(size_t max = 400);
    QString explanationText() const { return m_explanation; }
    // The request a cell stands for, as the trace form takes it (issue 15: "Trace this
    // request…"): the row's identity (me, or the user with its extra groups; the implicit
    // groups impersonation adds are left out), the verb, the entry and the scope; nullopt for
    // a cell that is no request.
    std::optional<kube::trace::TraceForm> traceForm(const QModelIndex &cell) const;
    QList<PathObject> explanationObjects() const { return m_explanationObjects; }
    // Fetches an object named by a path as YAML (live: GET; offline: the manifest's object).
    void fetchObject(const PathObject &object);

    QString exportCsv() const;
    QString exportJson() const;

    // The Rego engine of the KubeSphere view (default: the process's opa, OpaRegoEvaluator::shared).
    // Null: policies are not evaluated and the view says so.
    void setRegoEvaluator(std::shared_ptr<kube::rbac::RegoEvaluator> rego);
    std::shared_ptr<kube::rbac::RegoEvaluator> regoEvaluator() const { return m_rego; }
    // The last who-can answer's notes (Rego policies not evaluated or failing).
    QStringList whoCanNotes() const { return m_whoCanNotes; }

signals:
    void computingChanged(bool running);
    void computed();  // the matrix model holds the answer to query() (or error() says why not)
    void cancelled();  // the user stopped the computation; the matrix shown is the one before
    void explained(const QString &text);
    void whoCanReady(const QString &question);
    void risksReady(int count);
    void verified(const Verification &result);
    void objectFetched(const PathObject &object, const QString &yaml, const QString &error);
    void sourceChanged();  // new data: pickers may offer more subjects, projects, resources

private:
    void schedule();
    void run();
    void onSourceChanged();
    void askWhoCan(std::shared_ptr<const kube::rbac::RbacIndex> index, kube::rbac::View view,
                   const kube::rbac::RequestAttributes &request, bool namespaced);

    QPointer<PermissionSource> m_source;
    Query m_query;
    PermissionMatrixModel *m_matrix;
    WhoCanModel *m_whoCan;
    RiskModel *m_risks;
    bool m_running = false;
    bool m_again = false;
    bool m_cancelled = false;      // the last computation was stopped by the user
    bool m_userCancelled = false;  // cancel() was called during the running one
    kube::CancelTokenPtr m_cancel;
    int m_generation = 0;
    QString m_error, m_notice, m_title, m_explanation;
    QList<PathObject> m_explanationObjects;
    qint64 m_lastMs = -1;
    std::shared_ptr<const PermissionSource::Snapshot> m_shown;  // the data behind the matrix shown
    std::shared_ptr<kube::rbac::RegoEvaluator> m_rego;
    QStringList m_whoCanNotes;
};

Q_DECLARE_METATYPE(PermissionWorkbench::Verification)
