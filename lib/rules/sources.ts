import type { IndicatorSourceId } from '../report/schema';

/** The official texts the indicators come from (shared/indicators.md). */
export const SOURCES: Record<IndicatorSourceId, { title: string; url: string }> = {
  PSA23: { title: 'FBI / US-ROK, Additional Guidance on the DPRK IT Workers (PSA231018, 2023-10-18)', url: 'https://www.ic3.gov/PSA/2023/PSA231018' },
  // The advisory's PDF as OFAC hosts it (the State Department's 2022-05-16 announcement points to the same document).
  ADV22: { title: 'US State, Treasury, FBI: Guidance on the DPRK Information Technology Workers (2022-05-16)', url: 'https://ofac.treasury.gov/media/923126/download?inline' },
  DOJ23: { title: 'DOJ: court-authorized action to disrupt illicit revenue generation (17 domains seized, 2023-10-18)', url: 'https://www.justice.gov/opa/pr/justice-department-announces-court-authorized-action-disrupt-illicit-revenue-generation' },
  OFAC: { title: 'US Treasury / OFAC designations of DPRK IT-worker front companies', url: 'https://home.treasury.gov/news/press-releases/jy2790' },
  SEAL: { title: 'Security Alliance: DPRK IT workers framework', url: 'https://frameworks.securityalliance.dev/insider-threats/summary.html' },
  // Re-checked 2026-11-25 with the public page search: the BfV's own PDF is not reachable at a verifiable address, so
  // this stays the official page of Lower Saxony's constitution-protection authority (Niedersachsen interior ministry)
  // titled 'Sicherheitshinweis des BfV für die Wirtschaft: "Nordkoreanische IT-Worker"', which presents the BfV's
  // notice 02/2024 (what it covers: the threat and what companies should check when working with freelancers) and
  // offers it (page dated 19.09.2025). The notice's date, 1 October 2024, and its length (four pages) are as IHK
  // Hannover describes it (page of 17.10.2024); Rhineland-Palatinate's interior ministry (mdi.rlp.de) presents it too.
  BfV: {
    title: 'German Federal Office for the Protection of the Constitution (BfV): Sicherheitshinweis für die Wirtschaft 02/2024 "Nordkoreanische IT-Worker" (2024-10-01)',
    url: 'https://www.verfassungsschutz.niedersachsen.de/startseite/spionageabwehr/cyberabwehr/weitere_informationen/sicherheitshinweis-des-bfv-fur-die-wirtschaft-nordkoreanische-it-worker-244997.html',
  },
  // Re-checked 2026-11-25 with the public page search: this MOFA page ('북한 IT 인력에 대한 정부 합동주의보 (영문)',
  // North Korea Nuclear Policy Division, posted 2023-02-22) carries the full English text of the advisory itself,
  // "<Advisory on the Democratic People's Republic of Korea Information Technology Workers>", which names the seven
  // issuing bodies and the issue date of 8 December 2022 (as Yonhap reported it that day). So it is the document.
  ROK22: {
    title: 'Republic of Korea (MOFA, MSIT, MOU, MOEL, FTC, KNPA, NIS): Advisory on the DPRK Information Technology Workers (2022-12-08)',
    url: 'https://npl.mofa.go.kr/www/brd/m_25605/view.do?page=1&seq=2',
  },
};
