// Hand a standalone cluster over to KubeSphere: the prepare step before `helm install ks-core`
// (or, with finish, the step after it), planned, dry-run and applied like every tenancy write.
// The plan itself says what is relabelled, removed, left, flagged and what waits for the finish.
#pragma once

#include "views/plandialog.h"

class QCheckBox;

class HandoverDialog final : public PlanDialog
{
    Q_OBJECT
public:
    // finish: the step after helm install (KubeSphere mode); else the prepare step.
    HandoverDialog(PlanRunner *runner, bool finish, QWidget *parent = nullptr);

    // Prepare only: also mark objects the chart ships that Tenantry did not install (a user named admin).
    QCheckBox *adoptBox() const { return m_adopt; }

private:
    bool m_finish;
    QCheckBox *m_adopt = nullptr;
};
