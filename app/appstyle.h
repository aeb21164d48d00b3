// AppStyle: the application's style (the desktop's, or Fusion for a forced theme) with
// Tenantry's SVG icons where Qt would hand out a small raster one (blurred at 200 %).
#pragma once

#include <QProxyStyle>

class AppStyle final : public QProxyStyle
{
    Q_OBJECT
public:
    // key: a QStyleFactory key ("Fusion", "Breeze"…); the platform default when unknown.
    explicit AppStyle(const QString &key);

    QIcon standardIcon(StandardPixmap icon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
    // The wrapped style's name, so "which style runs" reads the same with or without us.
    QString baseName() const;
};
