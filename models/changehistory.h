// The changes applied to one cluster from this window, newest last, as a QUndoStack: each entry
// names its change ("create project p1") and keeps the plan and the report with every target's
// before-image. Undo plans the inverse writes (kube::tenancy::inversePlan) and Redo the inverse
// of the undo; both go through the plan dialog like any change, and only an applied undo or
// redo moves the stack. The commands' own undo()/redo() therefore write nothing.
#pragma once

#include "kubeclient/tenancy/plan/plan.h"
#include "kubeclient/tenancy/plan/planner.h"

#include <QObject>
#include <QString>

#include <functional>

class QUndoStack;

class ChangeHistory final : public QObject
{
    Q_OBJECT
public:
    using Operation = std::function<kube::Result<kube::tenancy::Plan>(kube::tenancy::Planner &)>;
    // What an applied plan was for, so its report lands in the right place.
    enum class Role { Change, Undo, Redo };

    explicit ChangeHistory(QObject *parent = nullptr);
    ~ChangeHistory() override;

    QUndoStack *stack() const { return m_stack; }
    bool canUndo() const;
    bool canRedo() const;
    QString undoText() const;  // "create project p1"
    QString redoText() const;

    // The operation a plan dialog plans for Undo / Redo of the current entry (no planner reads:
    // the inverse comes from the recorded reports). Empty when there is nothing to undo/redo.
    Operation undoOperation() const;
    Operation redoOperation() const;

    // An applied (possibly partly applied) plan and its report. Change: a new entry (entries
    // past the current one are dropped, as any undo stack does). Undo / Redo: the entry moves.
    // Nothing is recorded when no write landed.
    void record(Role role, const kube::tenancy::Plan &plan, const kube::tenancy::PlanReport &report);

signals:
    void changed();

private:
    QUndoStack *m_stack;
};
