/* A panel that is not built yet says so plainly, instead of showing made-up data. */
import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** Props of the "coming" placeholder. */
export interface ComingProps {
  title: string;
  /** What the panel will do, in one or two sentences. */
  description: string;
}

/** A plain "coming" note for a panel under construction. */
export function Coming({ title, description }: ComingProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      <Body1>Coming: {description}</Body1>
    </div>
  );
}
