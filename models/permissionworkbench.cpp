// PermissionWorkbench: questions in, engine answers out, all engine work on the worker pool.
#include "models/permissionworkbench.h"

#include "models/asynctask.h"
#include "models/modelslogging.h"

#include "kubeclient/core/yamlconvert.h"
#include "kubeclient/rbac/accessreviewer.h"
#include "kubeclient/rbac/evaluator.h"
#include "kubeclient/rbac/rbacindex.h"
#include "kubeclient/rbac/regoopa.h"
#include "kubeclient/rbac/riskscanner.h"
#include "kubeclient/rbac/selfrules.h"

#include <QElapsedTimer>

#include <algorithm>
#include <set>
#include <utility>

using namespace kube;
using namespace kube::rbac;

namespace {

QString qs(const std::string &s) { return QString::fromStdString(s); }
std::string ss(const QString &s) { return s.toStdString(); }

struct Computed {
    std::shared_ptr<const PermissionGrid> grid;
    QString error, notice, title;
    qint64 ms = 0;
    bool cancelled = false;  // stopped by the token: nothing else is filled
};

std::vector<std::string> toStd(const QStringList &list)
{
    std::vector<std::string> out;
    for (const auto &s : list)
        if (!s.trimmed().isEmpty())
            out.push_back(ss(s.trimmed()));
    return out;
}

bool contains(const std::vector<std::string> &v, const std::string &s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

// The identity a subject field stands for; "me" (or empty) is the caller as the server sees it.
bool resolveSubject(const QString &text, const QStringList &groups, const std::optional<Identity> &me,
                    Identity &who, QString &label, QString &error)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.compare(QLatin1String("me"), Qt::CaseInsensitive) == 0) {
        if (!me) {
            error = PermissionWorkbench::tr("The server did not say who you are (no SelfSubjectReview), and offline "
                                            "there is no caller: pick or type a subject.");
            return false;
        }
        who = *me;
        for (const auto &g : toStd(groups))
            if (!who.inGroup(g))
                who.groups.push_back(g);
        label = PermissionWorkbench::tr("me (%1)").arg(qs(who.name));
        return true;
    }
    std::string why;
    auto choice = parseSubject(ss(t), toStd(groups), &why);
    if (!choice) {
        error = qs(why);
        return false;
    }
    who = choice->identity;
    label = qs(choice->label());
    if (!groups.isEmpty() && choice->subject.kind == "User")
        label += PermissionWorkbench::tr(" + groups %1").arg(groups.join(QStringLiteral(", ")));
    return true;
}

bool knownSubject(const std::vector<SubjectChoice> &known, const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.compare(QLatin1String("me"), Qt::CaseInsensitive) == 0)
        return true;
    auto choice = parseSubject(ss(t), {});
    if (!choice)
        return false;
    return std::any_of(known.begin(), known.end(), [&](const SubjectChoice &s) { return s.subject == choice->subject; });
}

// Display order: the core group first, then groups by name; resources by name with their
// subresources right after them.
std::vector<uint32_t> displayOrder(const ResourceCatalog &catalog)
{
    std::vector<uint32_t> order(catalog.size());
    for (uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto &e = catalog.entries();
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        const auto &x = e[a], &y = e[b];
        if (x.group.empty() != y.group.empty())
            return x.group.empty();
        return std::tie(x.group, x.resource, x.subresource) < std::tie(y.group, y.resource, y.subresource);
    });
    return order;
}

bool isMe(const QString &subject)
{
    const QString t = subject.trimmed();
    return t.isEmpty() || t.compare(QLatin1String("me"), Qt::CaseInsensitive) == 0;
}

// The caller's own rows when its RBAC could not be read: the server's rules review per row's
// scope (a namespace, or the cluster-wide rules), as a second matrix over the same rows.
void addReviewedRows(PermissionGrid &grid, const std::shared_ptr<Client> &client, const Identity &me,
                     const ResourceCatalog &catalog, const PermissionMatrix::Options &options)
{
    constexpr size_t kMaxReviews = 64;  // "all projects" of a large cluster: the first ones only
    const auto &rows = grid.matrix->rows();
    RbacData data;
    std::vector<uint8_t> state(rows.size(), 0);
    size_t asked = 0;
    for (size_t i = 0; i < rows.size() && asked < kMaxReviews; ++i) {
        if (options.cancel && options.cancel->cancelled())
            return;
        const auto &scope = rows[i].scope;
        if (scope.kind != MatrixScope::Kind::Namespace && scope.kind != MatrixScope::Kind::Cluster)
            continue;
        const std::string ns = scope.kind == MatrixScope::Kind::Namespace ? scope.name : std::string();
        ++asked;
        auto review = selfRulesReview(*client, ns.empty() ? kRulesBaselineNamespace : ns);
        if (!review) {
            qCInfo(lcPermissions) << "rules review failed:" << qs(review.error().describe());
            continue;
        }
        const SelfRules self = selfRulesData(*review, me, ns);
        for (const auto &[key, object] : self.data.objects())
            data.add(object);
        state[i] = self.incomplete ? 2 : 1;
    }
    if (!asked)
        return;
    grid.reviewedIndex = RbacIndex::build(data);
    grid.reviewed = std::make_shared<PermissionMatrix>(PermissionMatrix::forIdentity(*grid.reviewedIndex, catalog, me, options));
    grid.reviewedRow = std::move(state);
}

// What the KubeSphere view says about Rego policies in play: evaluated by opa (and how many
// cells they alone allow), or not evaluated and why.
QString regoNotice(const PermissionMatrix &m)
{
    size_t cells = 0;
    bool evaluated = false;
    QStringList notes;
    for (size_t r = 0; r < m.rows().size(); ++r) {
        const MatrixRow &row = m.rows()[r];
        evaluated = evaluated || row.policiesEvaluated;
        if (!row.policyNote.empty() && !notes.contains(qs(row.policyNote)))
            notes << qs(row.policyNote);
        for (uint32_t bits : row.policy)
            cells += size_t(__builtin_popcount(bits));
    }
    QStringList lines;
    for (const auto &n : notes)
        lines << PermissionWorkbench::tr("Rego policies (iam.kubesphere.io/rego-override) not evaluated: %1. Cells "
                                         "they could allow are shown as ks-apiserver's rules alone decide.")
                     .arg(n);
    if (evaluated)
        lines << PermissionWorkbench::tr("Rego policies evaluated by opa: %n cell(s) marked R are allowed by a policy "
                                         "alone.", nullptr, int(cells));
    return lines.join(QLatin1Char('\n'));
}

Computed compute(const std::shared_ptr<const PermissionSource::Snapshot> &snap, const PermissionWorkbench::Query &q,
                 const std::optional<Identity> &me, const std::shared_ptr<Client> &client,
                 const std::shared_ptr<RegoEvaluator> &rego, const kube::CancelTokenPtr &cancel)
{
    using Q = PermissionWorkbench;
    QElapsedTimer clock;
    clock.start();
    Computed out;
    const RbacIndex &index = *snap->index;
    const View view = q.view;
    if (view == View::KubeSphere && !snap->kubesphere) {
        out.error = PermissionWorkbench::tr("The KubeSphere view needs KubeSphere's IAM API, and this data has none: use the "
                          "Kubernetes view.");
        return out;
    }
    const ResourceCatalog &catalog = snap->catalog(view);
    PermissionMatrix::Options options;
    options.view = view;
    options.verbs = PermissionMatrix::workbenchVerbs();
    options.rego = rego;
    options.cancel = cancel;

    // Scopes.
    const bool namespacesKnown = !snap->unreadable.contains(QStringLiteral("namespaces"));
    const std::string name = ss(q.scopeName.trimmed());
    std::vector<MatrixScope> scopes;
    QString where;
    switch (q.scope) {
    case Q::ScopeKind::Platform:
        if (view != View::KubeSphere) {
            out.error = PermissionWorkbench::tr("The platform scope is KubeSphere's: switch to the KubeSphere view, or pick the cluster.");
            return out;
        }
        scopes = {MatrixScope::platform()};
        where = PermissionWorkbench::tr("the platform");
        break;
    case Q::ScopeKind::Cluster:
        scopes = {MatrixScope::cluster()};
        where = PermissionWorkbench::tr("the cluster");
        break;
    case Q::ScopeKind::Workspace:
        if (!contains(index.workspaces(), name)) {
            out.error = PermissionWorkbench::tr("Workspace \"%1\" does not exist (any more): pick another scope.").arg(q.scopeName);
            return out;
        }
        if (view == View::KubeSphere)
            scopes.push_back(MatrixScope::workspace(name));
        for (const auto &ns : index.namespaces())
            if (index.workspaceOf(ns) == name)
                scopes.push_back(MatrixScope::ns(ns));
        if (scopes.empty()) {
            out.error = PermissionWorkbench::tr("Workspace \"%1\" has no projects, and the Kubernetes view has no workspace scope.")
                            .arg(q.scopeName);
            return out;
        }
        where = PermissionWorkbench::tr("workspace %1").arg(q.scopeName);
        break;
    case Q::ScopeKind::Project:
        if (name.empty() || (namespacesKnown && !contains(index.namespaces(), name))) {
            out.error = PermissionWorkbench::tr("Project \"%1\" does not exist (any more): pick another scope.").arg(q.scopeName);
            return out;
        }
        scopes = {MatrixScope::ns(name)};
        where = PermissionWorkbench::tr("project %1").arg(q.scopeName);
        break;
    case Q::ScopeKind::AllProjects:
        scopes = PermissionMatrix::allScopes(index, view);
        where = PermissionWorkbench::tr("every scope");
        break;
    }

    int entry = -1;
    if (q.layout != Q::Layout::ByResource) {
        entry = catalog.findText(ss(q.resource.trimmed()));
        if (entry < 0) {
            out.error = q.resource.trimmed().isEmpty()
                            ? PermissionWorkbench::tr("Pick a resource for this layout.")
                            : PermissionWorkbench::tr("No resource \"%1\" here (discovery does not list it).").arg(q.resource);
            return out;
        }
    }
    if (q.layout == Q::Layout::ByProject)
        scopes = PermissionMatrix::allScopes(index, view);
    options.scopes = scopes;

    auto grid = std::make_shared<PermissionGrid>();
    const View otherView = view == View::Kubernetes ? View::KubeSphere : View::Kubernetes;
    const QString viewName = view == View::Kubernetes ? PermissionWorkbench::tr("kube-apiserver") : PermissionWorkbench::tr("ks-apiserver");
    const QString otherViewName = view == View::Kubernetes ? PermissionWorkbench::tr("ks-apiserver") : PermissionWorkbench::tr("kube-apiserver");
    if (q.layout == Q::Layout::BySubject) {
        if (scopes.size() != 1) {
            out.error = PermissionWorkbench::tr("Every subject is listed for one scope: pick the cluster, a project or (KubeSphere view) "
                              "a workspace or the platform.");
            return out;
        }
        std::vector<std::pair<std::string, Identity>> subjects;
        for (const auto &s : *snap->subjects)
            subjects.emplace_back(s.label(), s.identity);
        grid->matrix = std::make_shared<PermissionMatrix>(
            PermissionMatrix::forScope(index, catalog, scopes.front(), subjects, options));
        if (q.compareViews && snap->kubesphere) {
            PermissionMatrix::Options o = options;
            o.view = otherView;
            grid->other = std::make_shared<PermissionMatrix>(
                PermissionMatrix::forScope(index, catalog, scopes.front(), subjects, o));
            grid->otherKind = PermissionGrid::Other::View;
            grid->otherLabel = otherViewName;
        }
        out.title = PermissionWorkbench::tr("Who may do what with %1 in %2, as %3 decides")
                        .arg(qs(catalog.entries()[size_t(entry)].label()), where, viewName);
    } else {
        Identity who;
        QString label;
        if (!resolveSubject(q.subject, q.extraGroups, me, who, label, out.error))
            return out;
        if (!knownSubject(*snap->subjects, q.subject))
            out.notice = PermissionWorkbench::tr("No binding and no User object names %1: it holds only what its groups "
                               "(such as system:authenticated) are granted.")
                             .arg(label);
        grid->matrix = std::make_shared<PermissionMatrix>(PermissionMatrix::forIdentity(index, catalog, who, options));
        if (isMe(q.subject) && snap->incomplete && client && view == View::Kubernetes) {
            addReviewedRows(*grid, client, who, catalog, options);
            if (grid->reviewed)
                out.notice = PermissionWorkbench::tr("Your roles and bindings are not all readable: cells marked ✓ come from the server's "
                                   "rules review for you (SelfSubjectRulesReview) in each project.");
        }
        if (!q.compareWith.trimmed().isEmpty()) {
            Identity other;
            QString otherLabel;
            QString otherError;
            if (!resolveSubject(q.compareWith, {}, me, other, otherLabel, otherError)) {
                out.error = PermissionWorkbench::tr("Compare with: %1").arg(otherError);
                return out;
            }
            grid->other = std::make_shared<PermissionMatrix>(PermissionMatrix::forIdentity(index, catalog, other, options));
            grid->otherKind = PermissionGrid::Other::Subject;
            grid->otherLabel = otherLabel;
            out.title = PermissionWorkbench::tr("%1 compared with %2 in %3, as %4 decides").arg(label, otherLabel, where, viewName);
        } else {
            if (q.compareViews && snap->kubesphere) {
                PermissionMatrix::Options o = options;
                o.view = otherView;
                grid->other = std::make_shared<PermissionMatrix>(PermissionMatrix::forIdentity(index, catalog, who, o));
                grid->otherKind = PermissionGrid::Other::View;
                grid->otherLabel = otherViewName;
            }
            out.title = PermissionWorkbench::tr("What %1 may do in %2, as %3 decides").arg(label, where, viewName);
        }
    }
    const PermissionMatrix &m = *grid->matrix;
    grid->otherRow.assign(m.rows().size(), -1);
    if (grid->other && grid->other->rows().size() == m.rows().size()) {
        for (size_t i = 0; i < m.rows().size(); ++i) {
            const auto kind = m.rows()[i].scope.kind;
            // The Kubernetes view has no platform or workspace scope to compare with.
            const bool comparable = grid->otherKind == PermissionGrid::Other::Subject ||
                                    kind == MatrixScope::Kind::Cluster || kind == MatrixScope::Kind::Namespace;
            grid->otherRow[i] = comparable ? int(i) : -1;
        }
    }
    grid->order = displayOrder(catalog);
    if (entry >= 0)
        grid->order = {uint32_t(entry)};
    grid->applicable.assign(catalog.size(), 0);
    for (size_t e = 0; e < catalog.size(); ++e)
        for (size_t v = 0; v < m.verbs().size(); ++v)
            if (PermissionMatrix::verbApplies(catalog.entries()[e], m.verbs()[v]))
                grid->applicable[e] |= 1u << v;
    grid->riskyCluster.assign(catalog.size(), 0);
    grid->riskyNamespaced.assign(catalog.size(), 0);
    for (size_t e = 0; e < catalog.size(); ++e)
        for (size_t v = 0; v < m.verbs().size(); ++v) {
            if (RiskScanner::riskyCell(catalog.entries()[e], m.verbs()[v], false))
                grid->riskyCluster[e] |= 1u << v;
            if (RiskScanner::riskyCell(catalog.entries()[e], m.verbs()[v], true))
                grid->riskyNamespaced[e] |= 1u << v;
        }
    grid->incomplete = snap->incomplete;
    grid->index = snap->index;
    if (view == View::KubeSphere) {
        const QString rego = regoNotice(m);
        if (!rego.isEmpty())
            out.notice = out.notice.isEmpty() ? rego : out.notice + QLatin1Char('\n') + rego;
    }
    if (cancel->cancelled()) {
        out = Computed();
        out.cancelled = true;
        return out;
    }
    out.grid = std::move(grid);
    out.ms = clock.elapsed();
    return out;
}

QString severityText(RiskSeverity s) { return qs(toString(s)); }

} // namespace

QVariant WhoCanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SubjectColumn: return tr("Subject");
    case WhereColumn: return tr("Where");
    case ViaColumn: return tr("Binding → role");
    case RuleColumn: return tr("Rule");
    case MembersColumn: return tr("Known members");
    default: return {};
    }
}

QVariant WhoCanModel::cell(const WhoCanRow &row, int column, int role) const
{
    if (role == Qt::ToolTipRole && row.system)
        return tr("A system: subject (Kubernetes' own identities and groups)");
    if (role != Qt::DisplayRole && role != RawRole)
        return {};
    switch (column) {
    case SubjectColumn: return row.system ? row.subject + tr(" [system]") : row.subject;
    case WhereColumn: return row.where;
    case ViaColumn: return row.via;
    case RuleColumn: return row.rule;
    case MembersColumn: return row.members;
    default: return {};
    }
}

QVariant RiskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case KindColumn: return tr("Risk");
    case WhatColumn: return tr("Grants");
    case SubjectColumn: return tr("Subject");
    case WhereColumn: return tr("Where");
    case ViaColumn: return tr("Binding → role, rule");
    default: return {};
    }
}

QVariant RiskModel::cell(const RiskRow &row, int column, int role) const
{
    if (role != Qt::DisplayRole && role != RawRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case SeverityColumn: return row.severity;
    case KindColumn: return row.kind;
    case WhatColumn: return row.what;
    case SubjectColumn: return row.subject;
    case WhereColumn: return row.where;
    case ViaColumn: return role == Qt::ToolTipRole ? row.via + QLatin1Char('\n') + row.rule : row.via;
    default: return {};
    }
}

PermissionWorkbench::PermissionWorkbench(QObject *parent)
    : QObject(parent)
    , m_matrix(new PermissionMatrixModel(this))
    , m_whoCan(new WhoCanModel(this))
    , m_risks(new RiskModel(this))
    , m_rego(OpaRegoEvaluator::shared())
{
    qRegisterMetaType<Verification>();
}

void PermissionWorkbench::setRegoEvaluator(std::shared_ptr<RegoEvaluator> rego)
{
    m_rego = std::move(rego);
    schedule();
}

PermissionWorkbench::~PermissionWorkbench() = default;

void PermissionWorkbench::setSource(PermissionSource *source)
{
    if (m_source == source)
        return;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    m_shown.reset();
    m_matrix->clear();
    m_whoCan->setRows({});
    m_risks->setRows({});
    if (m_source)
        connect(m_source, &PermissionSource::changed, this, &PermissionWorkbench::onSourceChanged);
    emit sourceChanged();
    schedule();
}

void PermissionWorkbench::onSourceChanged()
{
    emit sourceChanged();
    schedule();
}

void PermissionWorkbench::setQuery(const Query &query)
{
    if (query == m_query && m_shown && !m_cancelled)
        return;
    m_query = query;
    // The running answer is to an older question: stop it, so the new one starts sooner.
    if (m_running && m_cancel)
        m_cancel->cancel();
    schedule();
}

void PermissionWorkbench::cancel()
{
    if (!m_running || !m_cancel)
        return;
    m_userCancelled = true;
    m_cancel->cancel();
}

void PermissionWorkbench::recompute()
{
    schedule();
}

void PermissionWorkbench::schedule()
{
    if (m_running) {
        m_again = true;  // the newest question is asked when this answer arrives
        return;
    }
    run();
}

void PermissionWorkbench::run()
{
    if (!m_source || !m_source->ready())
        return;
    auto snap = m_source->snapshot();
    const Query query = m_query;
    const auto me = m_source->me();
    auto client = m_source->client();
    const int generation = ++m_generation;
    m_running = true;
    m_userCancelled = false;
    m_cancel = std::make_shared<kube::CancelToken>();
    emit computingChanged(true);
    auto rego = m_rego;
    auto cancel = m_cancel;
    AsyncTask::run(this, [snap, query, me, client, rego, cancel] { return compute(snap, query, me, client, rego, cancel); },
                   [this, generation, snap](Computed result) {
        m_running = false;
        if (generation != m_generation)
            return;
        const bool byUser = std::exchange(m_userCancelled, false);
        if (m_again && !byUser) {
            m_again = false;
            run();  // a newer question (or data) came meanwhile: this answer is already old
            return;
        }
        m_again = false;
        if (result.cancelled) {
            // Stopped by the user: the matrix shown (and its title) still answers the question
            // before; the new one waits for recompute() or a change.
            m_cancelled = true;
            qCDebug(lcPermissions) << "matrix cancelled";
            emit computingChanged(false);
            emit cancelled();
            return;
        }
        m_cancelled = false;
        m_error = result.error;
        m_notice = result.notice;
        m_title = result.title;
        m_lastMs = result.ms;
        AsyncTask::releaseLater(std::move(m_shown));
        if (result.grid) {
            m_shown = snap;
            m_matrix->setGrid(std::move(result.grid));
        } else {
            m_shown.reset();
            m_matrix->clear();
        }
        qCDebug(lcPermissions) << "matrix" << m_title << "in" << m_lastMs << "ms," << m_matrix->rowCount() << "rows";
        emit computingChanged(false);
        emit computed();
    });
}

bool PermissionWorkbench::kubesphere() const
{
    return m_source && m_source->ready() && m_source->snapshot()->kubesphere;
}

QStringList PermissionWorkbench::knownSubjects() const
{
    return m_source && m_source->ready() ? m_source->snapshot()->subjectLabels : QStringList();
}

QStringList PermissionWorkbench::workspaces() const
{
    QStringList out;
    if (m_source && m_source->ready())
        for (const auto &w : m_source->snapshot()->index->workspaces())
            out << qs(w);
    return out;
}

QStringList PermissionWorkbench::projects() const
{
    QStringList out;
    if (m_source && m_source->ready())
        for (const auto &n : m_source->snapshot()->index->namespaces())
            out << qs(n);
    return out;
}

QStringList PermissionWorkbench::resources() const
{
    QStringList out;
    if (!m_source || !m_source->ready())
        return out;
    const auto &catalog = m_source->snapshot()->catalog(m_query.view);
    for (uint32_t e : displayOrder(catalog))
        out << qs(catalog.entries()[e].label());
    return out;
}

void PermissionWorkbench::explain(const QModelIndex &cell)
{
    const PermissionGrid *grid = m_matrix->grid();
    const QString verb = m_matrix->verbAt(cell.column());
    if (!grid || !m_shown || !cell.isValid() || verb.isEmpty())
        return;
    const auto ref = m_matrix->rowRef(cell.row());
    const MatrixRow &row = grid->matrix->rows()[ref.row];
    const auto request = cellRequest(row.scope, grid->matrix->catalog().entries()[ref.entry], ss(verb));
    const View view = grid->matrix->view();
    std::optional<std::pair<Identity, QString>> other;
    View otherView = view;
    if (grid->other && ref.row < grid->otherRow.size() && grid->otherRow[ref.row] >= 0) {
        const MatrixRow &o = grid->other->rows()[size_t(grid->otherRow[ref.row])];
        other.emplace(o.identity, grid->otherLabel);
        otherView = grid->other->view();
    }
    // A cell the server's rules review allows is explained by that review.
    const bool reviewed = m_matrix->stateAt(cell.row(), cell.column()) == PermissionMatrixModel::State::Reviewed;
    auto index = reviewed ? grid->reviewedIndex : grid->index;
    const Identity who = row.identity;
    const QString subject = qs(row.subject);
    struct Answer {
        QString text;
        QList<PathObject> objects;
    };
    auto rego = m_rego;
    AsyncTask::run(this, [index, view, who, request, other, otherView, subject, reviewed, rego] {
        Answer a;
        auto objectsOf = [&](const GrantPath &p) {
            const Binding &b = index->bindings()[p.binding];
            a.objects << PathObject{qs(b.apiGroup), qs(b.kind), qs(b.ns), qs(b.name)};
            if (p.role >= 0) {
                const Role &r = index->roles()[size_t(p.role)];
                a.objects << PathObject{qs(r.apiGroup), qs(r.kind), qs(r.ns), qs(r.name)};
            }
        };
        const auto e = explainRequest(index, view, who, request, 5, rego);
        a.text = qs(e.toText());
        if (reviewed)
            a.text = PermissionWorkbench::tr("Your roles and bindings are not readable; the server's rules review "
                                             "(SelfSubjectRulesReview) for you lists a rule that allows it:\n") + a.text;
        // The review's role and binding exist only here: nothing to open.
        for (const auto &g : e.grants)
            if (!reviewed)
                objectsOf(g);
        for (const auto &n : e.decision.nearest)
            objectsOf(n.path);
        if (other) {
            const auto o = explainRequest(index, otherView, other->first, request, 5, rego);
            a.text += QStringLiteral("\n") + PermissionWorkbench::tr("Compared with %1:").arg(other->second) +
                      QStringLiteral("\n") + qs(o.toText());
        }
        // One entry per object, in path order.
        QList<PathObject> unique;
        for (const auto &o : a.objects)
            if (std::none_of(unique.begin(), unique.end(), [&](const PathObject &u) { return u.text() == o.text(); }))
                unique << o;
        a.objects = unique;
        return a;
    }, [this](Answer a) {
        m_explanation = a.text;
        m_explanationObjects = a.objects;
        emit explained(m_explanation);
    });
}

namespace {
std::vector<WhoCanRow> whoCanRows(const RbacIndex &index, const std::vector<WhoCanAnswer> &answers)
{
    std::vector<WhoCanRow> rows;
    for (const auto &a : answers) {
        WhoCanRow r;
        r.kind = qs(a.subject.kind);
        r.subject = qs(a.subject.toString());
        r.where = qs(a.where);
        r.system = a.subject.name.rfind("system:", 0) == 0;
        if (a.superuser) {
            r.via = PermissionWorkbench::tr("superuser group (before RBAC)");
        } else if (a.path.viaPolicy) {
            r.via = qs(a.path.bindingText + " → " + a.path.roleText);
            if (a.path.subject.kind == "Group")
                r.via += PermissionWorkbench::tr(" (as a member of %1)").arg(qs(a.path.subject.name));
            r.rule = a.path.policyLine > 0 ? PermissionWorkbench::tr("Rego authz.rego:%1 %2")
                                                 .arg(a.path.policyLine)
                                                 .arg(qs(a.path.policyRule))
                                           : PermissionWorkbench::tr("Rego policy");
        } else {
            r.via = qs(a.path.bindingText + " → " + a.path.roleText);
            r.rule = QStringLiteral("#%1 ").arg(a.path.ruleIndex) + qs(a.path.rule.toString());
        }
        if (a.subject.kind == "Group") {
            QStringList members;
            for (const auto &u : index.usersInGroup(a.subject.name))
                members << qs(u);
            r.members = members.join(QStringLiteral(", "));
        }
        rows.push_back(std::move(r));
    }
    return rows;
}
} // namespace

void PermissionWorkbench::askWhoCan(std::shared_ptr<const RbacIndex> index, View view, const RequestAttributes &request,
                                    bool namespaced)
{
    const QString question = qs(request.toString());
    auto rego = m_rego;
    struct Answer {
        std::vector<WhoCanRow> rows;
        QStringList notes;
    };
    AsyncTask::run(this, [index, view, request, namespaced, rego] {
        std::vector<std::string> notes;
        Answer a;
        a.rows = whoCanRows(*index, whoCanRequest(*index, view, request, namespaced, rego, &notes));
        for (const auto &n : notes)
            a.notes << qs(n);
        return a;
    }, [this, question](Answer a) {
        m_whoCanNotes = a.notes;
        m_whoCan->setRows(std::move(a.rows));
        emit whoCanReady(question);
    });
}

void PermissionWorkbench::whoCan(const QModelIndex &cell)
{
    const PermissionGrid *grid = m_matrix->grid();
    const QString verb = m_matrix->verbAt(cell.column());
    if (!grid || !m_shown || !cell.isValid() || verb.isEmpty())
        return;
    const auto ref = m_matrix->rowRef(cell.row());
    const auto &entry = grid->matrix->catalog().entries()[ref.entry];
    const auto request = cellRequest(grid->matrix->rows()[ref.row].scope, entry, ss(verb));
    auto index = grid->index;
    const View view = grid->matrix->view();
    askWhoCan(index, view, request, entry.namespaced);
}

bool PermissionWorkbench::whoCanTyped(const QString &verb, const QString &resource, QString *error)
{
    if (!m_source || !m_source->ready()) {
        if (error)
            *error = tr("No permission data yet.");
        return false;
    }
    auto snap = m_source->snapshot();
    const auto &catalog = snap->catalog(m_query.view);
    const int at = catalog.findText(ss(resource.trimmed()));
    if (verb.trimmed().isEmpty() || at < 0) {
        if (error)
            *error = verb.trimmed().isEmpty() ? tr("Type a verb, such as get or create.")
                                              : tr("No resource \"%1\" here (discovery does not list it).").arg(resource);
        return false;
    }
    MatrixScope scope = MatrixScope::cluster();
    if (m_query.scope == ScopeKind::Project)
        scope = MatrixScope::ns(ss(m_query.scopeName));
    else if (m_query.scope == ScopeKind::Workspace)
        scope = MatrixScope::workspace(ss(m_query.scopeName));
    const auto &entry = catalog.entries()[size_t(at)];
    const auto request = cellRequest(scope, entry, ss(verb.trimmed()));
    auto index = snap->index;
    const View view = m_query.view;
    askWhoCan(index, view, request, entry.namespaced);
    return true;
}

void PermissionWorkbench::scanRisks()
{
    if (!m_source || !m_source->ready())
        return;
    auto index = m_source->snapshot()->index;
    const View view = m_query.view;
    MatrixScope scope = MatrixScope::cluster();
    switch (m_query.scope) {
    case ScopeKind::Platform: scope = MatrixScope::platform(); break;
    case ScopeKind::Workspace: scope = MatrixScope::workspace(ss(m_query.scopeName)); break;
    case ScopeKind::Project: scope = MatrixScope::ns(ss(m_query.scopeName)); break;
    case ScopeKind::Cluster:
    case ScopeKind::AllProjects: break;
    }
    AsyncTask::run(this, [index, view, scope] {
        std::vector<RiskRow> rows;
        for (const auto &f : risksInScope(*index, view, scope)) {
            RiskRow r;
            r.severity = severityText(f.severity);
            r.kind = qs(toString(f.kind));
            r.what = qs(f.what);
            r.subject = qs(f.subject.toString());
            r.where = qs(f.where);
            r.via = qs(f.path.bindingText + " → " + f.path.roleText);
            r.rule = QStringLiteral("#%1 ").arg(f.path.ruleIndex) + qs(f.path.rule.toString());
            const Binding &b = index->bindings()[f.path.binding];
            r.bindingKind = qs(b.kind);
            r.bindingNamespace = qs(b.ns);
            r.bindingName = qs(b.name);
            rows.push_back(std::move(r));
        }
        return rows;
    }, [this](std::vector<RiskRow> rows) {
        const int n = int(rows.size());
        m_risks->setRows(std::move(rows));
        emit risksReady(n);
    });
}

void PermissionWorkbench::verify(size_t max)
{
    Verification refused;
    if (!m_source || !m_source->client()) {
        refused.summary = tr("Verification asks the API server: open a live cluster (manifests have none).");
        emit verified(refused);
        return;
    }
    const PermissionGrid *grid = m_matrix->grid();
    if (!grid || !m_shown) {
        refused.summary = tr("Nothing to verify yet.");
        emit verified(refused);
        return;
    }
    if (grid->matrix->view() != View::Kubernetes) {
        refused.summary = tr("Only kube-apiserver can be asked (SubjectAccessReview): switch to the Kubernetes view "
                             "to verify. ks-apiserver has no review API.");
        emit verified(refused);
        return;
    }
    // The shown cells, spread evenly when there are more than `max`, each with what it shows.
    struct Shown {
        ReviewCase reviewCase;
        PermissionMatrixModel::State state;
        QString text;
    };
    std::vector<Shown> shown;
    const auto me = m_source->me();
    const size_t total = m_matrix->shownCells();
    const size_t step = total > max && max > 0 ? total / max + 1 : 1;
    size_t k = 0;
    for (int r = 0; r < m_matrix->rowCount(); ++r) {
        const auto ref = m_matrix->rowRef(r);
        const MatrixRow &row = grid->matrix->rows()[ref.row];
        for (int c = m_matrix->firstVerbColumn(); c < m_matrix->columnCount(); ++c) {
            const auto state = m_matrix->stateAt(r, c);
            if (state == PermissionMatrixModel::State::NotApplicable || k++ % step)
                continue;
            const auto request = cellRequest(row.scope, grid->matrix->catalog().entries()[ref.entry], ss(m_matrix->verbAt(c)));
            // The caller's own cells are asked as the caller: anyone may send a self review.
            const bool self = me && row.identity == *me;
            shown.push_back({{row.identity, request, self}, state, qs(row.subject) + QLatin1Char(' ') + qs(request.toString())});
        }
    }
    auto client = m_source->client();
    AsyncTask::run(this, [client, shown] {
        std::vector<ReviewCase> cases;
        for (const auto &s : shown)
            cases.push_back(s.reviewCase);
        return AccessReviewer(*client).reviewAll(cases, 4);
    }, [this, shown](std::vector<Result<ReviewAnswer>> answers) {
        using S = PermissionMatrixModel::State;
        Verification v;
        int unknown = 0, unknownAllowed = 0, failed = 0;
        for (size_t i = 0; i < answers.size() && i < shown.size(); ++i) {
            if (!answers[i]) {
                // One line per distinct failure (a 403 on reviews fails them all alike).
                const QString why = qs(answers[i].error().describe());
                if (!v.errors.contains(why))
                    v.errors << why;
                ++failed;
                continue;
            }
            ++v.checked;
            const bool server = answers[i]->allowed;
            if (shown[i].state == S::Unknown) {
                ++unknown;
                unknownAllowed += server;
                continue;
            }
            // A request without a name: "names only" is not allowed for it.
            const S s = shown[i].state;
            const bool local = s == S::Allowed || s == S::Wildcard || s == S::Superuser || s == S::Reviewed;
            if (local != server)
                v.disagreements << tr("%1: shown %2, kube-apiserver says %3 (%4)")
                                       .arg(shown[i].text, PermissionMatrixModel::stateText(s),
                                            server ? tr("allowed") : tr("denied"), qs(answers[i]->reason));
        }
        if (v.disagreements.isEmpty() && v.errors.isEmpty())
            v.summary = tr("kube-apiserver agrees on all %n checked cell(s).", nullptr, int(v.checked - size_t(unknown)));
        else
            v.summary = tr("DISAGREEMENT: kube-apiserver answered differently on %1 of %n cell(s)%2.", nullptr,
                           int(v.checked))
                            .arg(v.disagreements.size())
                            .arg(failed ? tr(", and %n review(s) failed", nullptr, int(failed)) : QString());
        if (unknown)
            v.summary += tr(" Of %n cell(s) shown as unknown, the server allows %1.", nullptr, int(unknown)).arg(unknownAllowed);
        emit verified(v);
    });
}

void PermissionWorkbench::fetchObject(const PathObject &object)
{
    if (!m_source)
        return;
    auto reader = m_source->objectReader();
    const RbacData::Key key{ss(object.apiGroup), ss(object.kind), ss(object.ns), ss(object.name)};
    AsyncTask::run(this, [reader, key] { return reader(key); }, [this, object](std::optional<nlohmann::json> json) {
        if (!json) {
            emit objectFetched(object, {}, tr("%1 is not in the data (deleted meanwhile?)").arg(object.text()));
            return;
        }
        emit objectFetched(object, qs(kube::toYaml(*json)), {});
    });
}

QString PermissionWorkbench::exportCsv() const
{
    const PermissionGrid *grid = m_matrix->grid();
    return grid ? qs(grid->matrix->toCsv()) : QString();
}

QString PermissionWorkbench::exportJson() const
{
    const PermissionGrid *grid = m_matrix->grid();
    return grid ? qs(grid->matrix->toJson().dump(2)) : QString();
}

// ---- Trace this request (issue 15) -------------------------------------------------------

std::optional<kube::trace::TraceForm> PermissionWorkbench::traceForm(const QModelIndex &cell) const
{
    const PermissionGrid *grid = m_matrix->grid();
    const QString verb = m_matrix->verbAt(cell.column());
    if (!grid || !cell.isValid() || verb.isEmpty())
        return std::nullopt;
    const auto ref = m_matrix->rowRef(cell.row());
    const MatrixRow &row = grid->matrix->rows()[ref.row];
    const CatalogEntry &entry = grid->matrix->catalog().entries()[ref.entry];
    const RequestAttributes request = cellRequest(row.scope, entry, ss(verb));
    kube::trace::TraceForm form;
    form.view = grid->matrix->view();
    form.verb = request.verb;
    form.resource = entry.label();
    form.ns = request.ns;
    form.workspace = request.workspace;
    const bool me = m_query.subject.isEmpty() && m_query.layout != Layout::BySubject;
    if (!me) {
        form.user = row.identity.name;
        std::string saNs, saName;
        row.identity.serviceAccountParts(saNs, saName);
        for (const auto &g : row.identity.groups) {
            const bool implicit = g == kGroupAuthenticated || g == kGroupServiceAccounts ||
                                  (!saNs.empty() && g == std::string(kGroupServiceAccounts) + ":" + saNs);
            if (!implicit)
                form.groups.push_back(g);
        }
    }
    return form;
}
