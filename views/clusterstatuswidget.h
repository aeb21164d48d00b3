// One cluster's part of the status bar: connected or why not, the tenancy mode in force,
// who we are (whoami) and the KubeSphere version; a click selects the cluster in the tree.
#pragma once

#include "models/sessionstatus.h"

#include <QWidget>

class QLabel;

class ClusterStatusWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterStatusWidget(const QString &clusterId, QWidget *parent = nullptr);

    QString clusterId() const { return m_id; }
    void setStatus(const SessionStatus &status);
    QString text() const;  // what it shows, for tests

signals:
    void clicked(const QString &clusterId);

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    QString m_id;
    QLabel *m_icon;
    QLabel *m_text;
};
