// HandoverDialog: the plan shows at once; ticking "Let Helm take over…" re-plans, so the YAML on
// screen always matches what Apply writes.
#include "views/handoverdialog.h"

#include "models/tenancyoperations.h"

#include <QCheckBox>
#include <QVBoxLayout>

HandoverDialog::HandoverDialog(PlanRunner *runner, bool finish, QWidget *parent)
    : PlanDialog(runner, finish ? tr("Finish the hand-over to KubeSphere") : tr("Prepare for KubeSphere"), parent)
    , m_finish(finish)
{
    setObjectName(finish ? QStringLiteral("finishHandoverDialog") : QStringLiteral("prepareHandoverDialog"));
    if (finish) {
        setDescription(tr("KubeSphere's controllers run on this cluster now. Removes Tenantry's own projections "
                          "(<code>tenantry:workspace:*</code>) and reach objects, the isolation policies when "
                          "KubeSphere's network extension runs, and takes Tenantry's mark off the RBAC mirrors "
                          "KubeSphere's controllers keep from now on."));
    } else {
        setDescription(tr("Readies this standalone cluster for <code>helm install ks-core</code> (KubeSphere 4.1): "
                          "the built-ins the chart ships get Helm's marks so Helm adopts them, Tenantry's other "
                          "built-ins are removed, CRDs stay (Helm skips existing CRDs). Objects helm install would "
                          "stop on are listed as warnings; projections wait for the finish, after the install."));
        m_adopt = new QCheckBox(tr("Let Helm take &over objects the chart also ships that Tenantry did not install "
                                   "(such as a user named admin): Helm rewrites them as the chart has them"));
        m_adopt->setObjectName(QStringLiteral("adoptExisting"));
        auto *form = new QWidget;
        auto *layout = new QVBoxLayout(form);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_adopt);
        setForm(form);
        connect(m_adopt, &QCheckBox::toggled, this, &PlanDialog::formChanged);
    }
    setOperationFactory([this](QString *) {
        return TenancyOperations::handover(m_finish, m_adopt && m_adopt->isChecked());
    });
    setPreviewOnOpen(true);
}
