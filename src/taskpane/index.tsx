import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, Title3 } from "@fluentui/react-components";

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Title3 as="h1">PROD</Title3>
    </FluentProvider>,
  );
});
