// ChangeHistory: entries hold the last forward report (what Undo inverts) and the last undo
// report (what Redo inverts); an applied undo or redo replaces the one the next step needs.
#include "models/changehistory.h"

#include "kubeclient/tenancy/plan/undoplan.h"

#include <QUndoCommand>
#include <QUndoStack>

using namespace kube;
using namespace kube::tenancy;

namespace {

bool anyLanded(const PlanReport &report)
{
    for (const auto &r : report.results)
        if (r.outcome == WriteOutcome::Applied || r.outcome == WriteOutcome::Patched
            || r.outcome == WriteOutcome::Deleted)
            return true;
    return false;
}

class ChangeCommand final : public QUndoCommand
{
public:
    ChangeCommand(const Plan &plan, const PlanReport &report)
        : QUndoCommand(QString::fromStdString(plan.title))
        , forward(plan)
        , forwardReport(report)
    {
        if (!report.complete())
            setText(text() + QObject::tr(" (partly applied)"));
    }
    // The writes happened before the stack moved; the stack only keeps the place.
    void undo() override {}
    void redo() override {}

    Plan forward;
    PlanReport forwardReport;
    Plan backward;
    PlanReport backwardReport;
};

ChangeCommand *commandAt(const QUndoStack *stack, int index)
{
    if (index < 0 || index >= stack->count())
        return nullptr;
    return const_cast<ChangeCommand *>(static_cast<const ChangeCommand *>(stack->command(index)));
}

} // namespace

ChangeHistory::ChangeHistory(QObject *parent)
    : QObject(parent)
    , m_stack(new QUndoStack(this))
{
    connect(m_stack, &QUndoStack::indexChanged, this, &ChangeHistory::changed);
}

ChangeHistory::~ChangeHistory() = default;

bool ChangeHistory::canUndo() const { return m_stack->canUndo(); }
bool ChangeHistory::canRedo() const { return m_stack->canRedo(); }
QString ChangeHistory::undoText() const { return m_stack->undoText(); }
QString ChangeHistory::redoText() const { return m_stack->redoText(); }

ChangeHistory::Operation ChangeHistory::undoOperation() const
{
    const ChangeCommand *c = commandAt(m_stack, m_stack->index() - 1);
    if (!c)
        return {};
    return [plan = c->forward, report = c->forwardReport](Planner &) { return inversePlan(plan, report); };
}

ChangeHistory::Operation ChangeHistory::redoOperation() const
{
    const ChangeCommand *c = commandAt(m_stack, m_stack->index());
    if (!c)
        return {};
    return [plan = c->backward, report = c->backwardReport, title = c->forward.title](Planner &) -> Result<Plan> {
        auto redo = inversePlan(plan, report);
        if (redo)
            redo->title = "redo " + title;
        return redo;
    };
}

void ChangeHistory::record(Role role, const Plan &plan, const PlanReport &report)
{
    if (report.dryRun || !anyLanded(report))
        return;
    // A partly applied undo or redo is a change of its own: the entry it came from stays where
    // it was, and this one can be undone in turn.
    if (role != Role::Change && !report.complete())
        role = Role::Change;
    switch (role) {
    case Role::Change:
        m_stack->push(new ChangeCommand(plan, report));
        break;
    case Role::Undo:
        if (ChangeCommand *c = commandAt(m_stack, m_stack->index() - 1)) {
            c->backward = plan;
            c->backwardReport = report;
            m_stack->undo();
        }
        break;
    case Role::Redo:
        if (ChangeCommand *c = commandAt(m_stack, m_stack->index())) {
            // What Undo inverts next: the redo's own writes, with their before-images.
            const std::string title = c->forward.title;
            c->forward = plan;
            c->forward.title = title;
            c->forwardReport = report;
            m_stack->redo();
        }
        break;
    }
    emit changed();
}
