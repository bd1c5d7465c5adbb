import type { Cluster } from './taxonomy.types.js';

/** Splits a comma- or newline-separated list of terms, so the data below stays readable. */
const terms = (list: string): readonly string[] =>
  list
    .split(/[,\n]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);

// Keywords feed the classifier, which matches them in event titles and descriptions. Words that event pages use
// for other things ("ticket sales", "conference hotel", "government-issued ID", "marketing opportunities for
// sponsors", "CEO of …", "career counseling") are left out or kept only inside a longer phrase.

/** The 16 National Career Clusters with their 79 pathways, synonyms, aliases and keywords. */
export const CLUSTERS: readonly Cluster[] = [
  {
    id: 'agriculture-food-natural-resources',
    name: 'Agriculture, Food & Natural Resources',
    shortName: 'Agriculture',
    synonyms: terms('agriculture food and natural resources, afnr, agricultural sciences'),
    aliases: terms('ag, farming, agtech, agri-food, agrifood, food and agriculture, agricultural'),
    keywords: terms(`
      agriculture, agricultural, agronomy, agronomists, farmers, farming, ranching, ranchers, agribusiness, agtech,
      ag tech, precision agriculture, crops, livestock, dairy industry, forestry, fisheries, aquaculture,
      horticulture, soil science, irrigation, usda, cooperative extension, extension agents, ffa, 4-H,
      agricultural education, food science, agricultural research, farm bureau, conservation districts,
      sustainable agriculture, regenerative agriculture, agrifood,
      growers, crop producers, agricultural producers
    `),
    pathways: [
      {
        id: 'agriculture-food-natural-resources/agribusiness-systems',
        name: 'Agribusiness Systems',
        synonyms: terms('agribusiness, agricultural business'),
        aliases: terms('farm business, agricultural economics'),
        keywords: terms(`
          agribusiness, farm management, agricultural economics, ag economics, commodity markets, grain marketing,
          farm credit, agricultural lending, ag lending, crop insurance, farm bill, agricultural policy,
          agricultural finance, farm business management, agricultural marketing,
          ag retail, ag retailers, agricultural retailers, agricultural lenders, farm income, land values
        `),
      },
      {
        id: 'agriculture-food-natural-resources/animal-systems',
        name: 'Animal Systems',
        synonyms: terms('animal science, animal sciences, animal agriculture'),
        aliases: terms('livestock production, veterinary science'),
        keywords: terms(`
          animal science, livestock, cattle, cattlemen, poultry, swine, pork producers, beef industry, dairy farmers,
          dairy science, animal husbandry, animal nutrition, animal health, veterinary, veterinarians,
          veterinary technicians, equine, sheep and goats, beekeeping, animal welfare,
          vet tech, vet techs, vet technicians, animal scientists, livestock producers, beef producers, herd health,
          feedlots, ranch management,
          dairy producers, dairy herds, dairy cattle, forage
        `),
      },
      {
        id: 'agriculture-food-natural-resources/environmental-service-systems',
        name: 'Environmental Service Systems',
        synonyms: terms('environmental service, environmental systems'),
        aliases: terms('environmental protection'),
        keywords: terms(`
          water treatment, wastewater, water quality, stormwater, solid waste, waste management, recycling industry,
          pollution control, air quality, environmental compliance, environmental protection, hazardous waste,
          remediation, environmental monitoring, water environment federation,
          drinking water, water utilities, treatment plant operators, wastewater operators, water operators
        `),
      },
      {
        id: 'agriculture-food-natural-resources/food-products-processing-systems',
        name: 'Food Products and Processing Systems',
        synonyms: terms('food processing, food products, food science, food technology'),
        aliases: terms('food manufacturing'),
        keywords: terms(`
          food science, food scientists, food technology, food technologists, food processing, food safety, haccp,
          fsma, meat processing, meat science, food manufacturing, food packaging, food quality, food microbiology,
          institute of food technologists, ift, food engineering, food chemistry,
          food manufacturers, food industry, food safety professionals, ingredient manufacturers
        `),
      },
      {
        id: 'agriculture-food-natural-resources/natural-resources-systems',
        name: 'Natural Resources Systems',
        synonyms: terms('natural resources, natural resource management'),
        aliases: terms('forestry, wildlife management, conservation'),
        keywords: terms(`
          natural resources, forestry, foresters, wildlife, wildlife biology, fisheries, conservation, park rangers,
          timber, watershed, land management, rangeland, soil conservation, wildland fire, mining industry,
          mineral resources, geospatial, gis, society of american foresters, the wildlife society,
          land managers, silviculture, forest management, invasive species, fish and wildlife, forest carbon
        `),
      },
      {
        id: 'agriculture-food-natural-resources/plant-systems',
        name: 'Plant Systems',
        synonyms: terms('plant science, plant sciences, crop science'),
        aliases: terms('horticulture, agronomy'),
        keywords: terms(`
          agronomy, agronomists, horticulture, horticulturists, crops, crop production, crop protection,
          plant breeding, plant pathology, seed industry, greenhouse growers, turfgrass, entomology, weed science,
          soil science, viticulture, arboriculture, arborists, floriculture, landscaping industry,
          precision agriculture,
          greenhouse, greenhouses, nursery growers, orchards, fruit growers, vegetable growers, cover crops,
          soil health, pesticide applicators, integrated pest management
        `),
      },
      {
        id: 'agriculture-food-natural-resources/power-structural-technical-systems',
        name: 'Power, Structural and Technical Systems',
        synonyms: terms('agricultural mechanics, ag mechanics, agricultural engineering'),
        aliases: terms('agricultural machinery, farm equipment'),
        keywords: terms(`
          agricultural mechanics, agricultural engineering, agricultural engineers, farm machinery, farm equipment,
          tractors, ag equipment, agricultural equipment, irrigation systems, grain handling, asabe,
          agricultural and biological engineers, precision ag technology
        `),
      },
    ],
  },
  {
    id: 'architecture-construction',
    name: 'Architecture & Construction',
    shortName: 'Construction',
    synonyms: terms('architecture and construction, construction industry, building industry, aec'),
    aliases: terms('building trades, construction trades, built environment, skilled trades'),
    keywords: terms(`
      construction industry, construction management, construction managers, general contractors,
      specialty contractors, subcontractors, architectural, architecture firms, building codes,
      building information modeling, bim, revit, autocad, carpentry, carpenters, electricians, plumbing, plumbers,
      hvac, masonry, ironworkers, construction safety, agc, aia, nahb, leed, green building, skilled trades,
      building trades, homebuilders, home builders, construction technology, contech, civil construction,
      heavy equipment operators, construction estimating, design-build, remodelers, mass timber, building envelope, contractors
    `),
    pathways: [
      {
        id: 'architecture-construction/construction',
        name: 'Construction',
        synonyms: terms('building construction'),
        aliases: terms('contracting'),
        keywords: terms(`
          general contractors, construction managers, construction management, carpentry, carpenters, electricians,
          plumbers, plumbing, masonry, concrete industry, roofing, drywall, heavy civil, construction estimating,
          jobsite safety, ironworkers, pipefitters, sheet metal workers, construction apprenticeship, agc,
          associated builders and contractors,, excavation, waterproofing, roofing contractors, electrical contractors,
          mechanical contractors, solar installers, solar installation, construction workers, tradespeople, jobsite,
          electrical code
        `),
      },
      {
        id: 'architecture-construction/design-pre-construction',
        name: 'Design/Pre-Construction',
        synonyms: terms('architecture, architectural design, preconstruction'),
        aliases: terms('architects'),
        keywords: terms(`
          architectural design, architecture firms, licensed architects, aia, ncarb, bim, revit, autocad, drafting,
          drafters, interior design, interior designers, landscape architecture, urban design, land surveying,
          surveyors, structural engineering, preconstruction, building design, leed,
          architectural firms, mass timber, building science, design firms, architecture students
        `),
      },
      {
        id: 'architecture-construction/maintenance-operations',
        name: 'Maintenance/Operations',
        synonyms: terms('facilities maintenance, building maintenance, facility management, facilities management'),
        aliases: terms('building operations'),
        keywords: terms(`
          facility management, facilities management, facility managers, ifma, building maintenance,
          building operations, building engineers, building automation, boma, hvac technicians, boiler operators,
          property maintenance, preventive maintenance, maintenance technicians,
          facilities managers, facility operations, building operators
        `),
      },
    ],
  },
  {
    id: 'arts-av-technology-communications',
    name: 'Arts, A/V Technology & Communications',
    shortName: 'Arts & media',
    synonyms: terms('arts and media, arts and communications, arts av technology and communications'),
    aliases: terms('arts, media, communications, creative industries, creative arts'),
    keywords: terms(`
      journalism, journalists, broadcasting, broadcast journalism, filmmaking, filmmakers, film industry,
      video production, professional photographers, photojournalism, graphic design, graphic designers, illustration,
      illustrators, animation, animators, visual arts, performing arts, theatre companies, theater arts,
      music industry, musicians, dancers, publishing industry, publishers, writers, editors, podcasting, radio,
      television, audiovisual, audio engineering, sound design, printing industry, telecommunications,
      arts administration, creative professionals, nab show, aiga,
      photographers, photography, podcasters, authors, book publishing
    `),
    pathways: [
      {
        id: 'arts-av-technology-communications/av-technology-film',
        name: 'A/V Technology and Film',
        synonyms: terms('audio video technology and film, audio and video technology, av technology, film and video'),
        aliases: terms('film, audiovisual, pro av'),
        keywords: terms(`
          filmmaking, filmmakers, film industry, cinematography, cinematographers, video production, post-production,
          video editing, audio engineering, audio engineers, sound design, live production, infocomm, avixa, pro av,
          audiovisual, motion picture, screenwriting, screenwriters, documentary, film festival,
          videographers, video editors, film production, broadcast engineers, av integrators, filmmakers and editors
        `),
      },
      {
        id: 'arts-av-technology-communications/journalism-broadcasting',
        name: 'Journalism and Broadcasting',
        synonyms: terms('journalism, broadcasting, news media'),
        aliases: terms('news, reporting'),
        keywords: terms(`
          journalism, journalists, reporters, newsroom, newsrooms, news editors, broadcast journalism, broadcasting,
          broadcasters, radio, television, tv news, news anchors, investigative reporting, society of professional,
          spj, nabj, online news association, podcasting, nab show, local news,
          podcasters, podcast, podcasts, newspapers, magazines, digital journalism, news media, tv stations,
          radio stations,
          technical writers, technical writing, technical communication, technical communicators
        `),
      },
      {
        id: 'arts-av-technology-communications/performing-arts',
        name: 'Performing Arts',
        synonyms: terms('performance arts'),
        aliases: terms('theatre, theater, music, dance'),
        keywords: terms(`
          theatre companies, theater arts, actors, dancers, choreography, choreographers, music performance,
          musicians, orchestra, opera, stage management, stage managers, playwrights, auditions, arts administration,
          broadway, vocalists,
          theatre artists, performers, singers, casting, musical theatre, playwriting, summer stock
        `),
      },
      {
        id: 'arts-av-technology-communications/printing-technology',
        name: 'Printing Technology',
        synonyms: terms('printing, print production, graphic communications'),
        aliases: terms('print industry'),
        keywords: terms(`
          printing industry, print production, commercial printing, prepress, press operators, flexography,
          offset printing, digital printing, graphic communications, wide format printing, screen printing,
          label printing, bookbinding, print service providers, printing united,
          commercial printers, print industry, print and packaging
        `),
      },
      {
        id: 'arts-av-technology-communications/telecommunications',
        name: 'Telecommunications',
        synonyms: terms('telecom, telecommunication'),
        aliases: terms('wireless industry'),
        keywords: terms(`
          telecom, telecommunications, wireless, 5g, fiber optics, fiber optic, broadband, cable industry,
          satellite communications, rf engineering, cell towers, telephony, scte, ftth, fiber broadband,
          wireless infrastructure,
          wireless carriers, tower technicians, tower climbers, fiber installers, broadband providers,
          telecom operators
        `),
      },
      {
        id: 'arts-av-technology-communications/visual-arts',
        name: 'Visual Arts',
        synonyms: terms('visual art, fine arts, fine art'),
        aliases: terms('art, graphic arts, graphic design'),
        keywords: terms(`
          graphic design, graphic designers, illustration, illustrators, painting, painters, sculpture, sculptors,
          art galleries, artists, professional photographers, animation, animators, motion graphics, fashion design,
          fashion designers, art directors, aiga, game art, museum curators,
          photographers, photography, printmaking, printmakers, ceramics, visual artists, comic artists,
          creative directors, motion designers, retouchers
        `),
      },
    ],
  },
  {
    id: 'business-management-administration',
    name: 'Business Management & Administration',
    shortName: 'Business',
    synonyms: terms('business management, business administration, business management and administration'),
    aliases: terms('entrepreneurship, mba, corporate management'),
    keywords: terms(`
      business administration, business management, executive education, leadership development,
      management consulting, management consultants, human resources, hr professionals, hr leaders, shrm,
      project management, project managers, pmi, pmp, operations management, small business, entrepreneurs,
      entrepreneurship, startup founders, business owners, chamber of commerce, office administration,
      executive assistants, administrative professionals, iaap, strategic planning, change management,
      business analysis, business analysts, iiba, records management, mba
    `),
    pathways: [
      {
        id: 'business-management-administration/administrative-support',
        name: 'Administrative Support',
        synonyms: terms('office administration, administrative professionals'),
        aliases: terms('office support, secretarial'),
        keywords: terms(`
          administrative assistants, administrative assistant, executive assistants, executive assistant,
          office managers, office manager, receptionists, iaap, secretaries, clerical, office administration,
          administrative professionals, virtual assistants,
          office professionals, administrative staff
        `),
      },
      {
        id: 'business-management-administration/business-information-management',
        name: 'Business Information Management',
        synonyms: terms('management information systems, business information systems'),
        aliases: terms('business intelligence, records management'),
        keywords: terms(`
          business analysis, business analysts, iiba, business intelligence, records management, arma international,
          information governance, erp systems, enterprise resource planning, document management, data governance,
          business systems analysts, information management,
          records managers, retention schedules
        `),
      },
      {
        id: 'business-management-administration/general-management',
        name: 'General Management',
        synonyms: terms('executive management, business leadership'),
        aliases: terms('entrepreneurs, small business'),
        keywords: terms(`
          executive leadership, leadership development, executive education, strategic planning,
          management consulting, management consultants, entrepreneurship, entrepreneurs, small business,
          business owners, startup founders, chamber of commerce, board of directors, nonprofit management, mba,
          change management, organizational development,
          nonprofit leaders, nonprofit managers, nonprofit boards, board governance, new managers,
          first-time managers, people managers, management training, executive coaching, succession planning,
          business leaders, volunteer management
        `),
      },
      {
        id: 'business-management-administration/human-resources-management',
        name: 'Human Resources Management',
        synonyms: terms('human resources, hr, human resource management, hr management, people operations'),
        aliases: terms('people management, talent management'),
        keywords: terms(`
          human resources, hr professionals, hr leaders, hr technology, hr tech, shrm, talent management,
          compensation and benefits, total rewards, employee relations, payroll, people operations, hris, chro,
          learning and development, employee engagement, worldatwork, labor relations, benefits administration,
          workforce planning, employment law, diversity and inclusion,
          hr managers, hr directors, chros, employee benefits, hr compliance, human capital,
          people analytics, payroll professionals,,
          wage and hour`),
      },
      {
        id: 'business-management-administration/operations-management',
        name: 'Operations Management',
        synonyms: terms('business operations'),
        aliases: terms('project management, process improvement'),
        keywords: terms(`
          operations management, operations managers, business operations, process improvement, six sigma,
          lean six sigma, project management, project managers, pmi, pmp, procurement, vendor management,
          supply chain management, ascm, business process management, operational excellence,
          purchasing managers, procurement professionals, coos, operations leaders, operations directors
        `),
      },
    ],
  },
  {
    id: 'education-training',
    name: 'Education & Training',
    shortName: 'Education',
    synonyms: terms('education and training'),
    aliases: terms('educators, teachers, schools, academia, higher education, k-12'),
    keywords: terms(`
      teachers, teaching, educators, k-12, higher education, school administrators, principals, superintendents,
      curriculum, instructional design, instructional designers, edtech, education technology, iste, ascd,
      national education association, american federation of teachers, student affairs, school counselors,
      special education, literacy instruction, stem education, teacher certification, pedagogy, adult education,
      corporate training, training and development, elearning, e-learning, atd, educause, librarians, tesol,
      classroom teachers, school leaders, educational technology
    `),
    pathways: [
      {
        id: 'education-training/administration-administrative-support',
        name: 'Administration and Administrative Support',
        synonyms: terms('education administration, educational leadership, school administration'),
        aliases: terms('school leadership, higher education administration'),
        keywords: terms(`
          principals, superintendents, school administrators, educational leadership, school leadership,
          district leaders, school boards, aasa, nassp, naesp, higher education administration, deans, registrars,
          admissions officers, enrollment management, student affairs, naspa, acpa,
          district administrators, provosts, higher education leaders, department chairs, college presidents,
          assistant principals
        `),
      },
      {
        id: 'education-training/professional-support-services',
        name: 'Professional Support Services',
        synonyms: terms('education support services, student support services'),
        aliases: terms('school counseling, instructional design, academic advising'),
        keywords: terms(`
          school counselors, school counseling, school psychologists, asca, nasp, librarians, school librarians,
          instructional coaches, curriculum development, instructional design, instructional designers,
          education technology, edtech, academic advising, academic advisors, nacada, career services,
          online learning, online courses, lms, learning management systems, course design, instructional technology,
          instructional technologists, reading coaches, technology coaches,
          career counselors
        `),
      },
      {
        id: 'education-training/teaching-training',
        name: 'Teaching/Training',
        synonyms: terms('teaching, teaching and training, instruction'),
        aliases: terms('training and development, corporate training'),
        keywords: terms(`
          teachers, teaching, educators, pedagogy, k-12, elementary school, middle school, high school teachers,
          faculty development, special education, stem education, literacy instruction, esl teachers, tesol,
          corporate training, atd, elearning, e-learning, iste, ascd, nsta, nctm, ncte, teacher certification,
          student teaching,
          reading specialists, phonics, english learners, english language learners, multilingual learners,
          lesson plans, classroom management, substitute teachers, paraprofessionals, music educators, art teachers,
          math teachers, science teachers, corporate trainers, train the trainer, adult learning
        `),
      },
    ],
  },
  {
    id: 'finance',
    name: 'Finance',
    shortName: 'Finance',
    synonyms: terms('financial services, finance industry'),
    aliases: terms('banking and finance, financial industry, money'),
    keywords: terms(`
      finance, financial services, accounting, accountants, cpa, cpas, auditors, banking, bankers, credit unions,
      fintech, investments, institutional investors, wealth management, financial planning, financial planners,
      financial advisors, cfp, cfa, treasury management, insurance industry, insurers, actuaries, actuarial,
      underwriting, taxation, mortgage, lending, capital markets, private equity, venture capital, asset management,
      hedge funds, securities, anti-money laundering, aicpa, corporate finance, fp&a, financial analysts,
      payments industry,
      financial professionals, finance professionals
    `),
    pathways: [
      {
        id: 'finance/accounting',
        name: 'Accounting',
        synonyms: terms('accountancy'),
        aliases: terms('auditing, bookkeeping, cpa'),
        keywords: terms(`
          accounting, accountants, cpa, cpas, aicpa, auditing, auditors, internal audit, internal auditors, iia,
          bookkeeping, bookkeepers, tax preparation, tax accountants, gaap, ifrs, forensic accounting,
          certified management accountants, institute of management accountants, society of cpas, accounts payable,
          quickbooks,
          cpe, cpe credits, fraud examiners, certified fraud examiners, acfe, forensic accountants,
          tax professionals, enrolled agents, accounting professionals, staff accountants, lease accounting
        `),
      },
      {
        id: 'finance/banking-services',
        name: 'Banking Services',
        synonyms: terms('banking, bank services'),
        aliases: terms('banks, credit unions'),
        keywords: terms(`
          banking, bankers, community banks, community bankers, credit unions, credit union, icba,
          american bankers association, lending, loan officers, mortgage, mortgage lending, mortgage bankers,
          retail banking, commercial banking, bank tellers, payments industry, core banking, anti-money laundering,
          bsa/aml,
          lenders, tellers, bank executives, bank ceos, credit union leaders, community banking
        `),
      },
      {
        id: 'finance/business-finance',
        name: 'Business Finance',
        synonyms: terms('corporate finance'),
        aliases: terms('treasury, fp&a'),
        keywords: terms(`
          corporate finance, cfos, controllers, treasury management, treasury professionals, fp&a,
          financial planning and analysis, financial analysts, financial modeling, mergers and acquisitions, m&a,
          private equity, venture capital, valuation, credit analysis, corporate treasury,
          finance leaders, finance directors, treasurers, cash management
        `),
      },
      {
        id: 'finance/insurance',
        name: 'Insurance',
        synonyms: terms('insurance industry'),
        aliases: terms('insurtech, actuarial science'),
        keywords: terms(`
          insurance industry, insurance professionals, insurers, underwriting, underwriters, actuaries, actuarial,
          claims adjusters, insurance agents, insurance brokers, reinsurance, insurtech, property and casualty,
          p&c insurance, life insurance, health insurance, cpcu, casualty actuarial society, risk management society,
          claims professionals, claims managers, adjusters, insurance agencies
        `),
      },
      {
        id: 'finance/securities-investments',
        name: 'Securities and Investments',
        synonyms: terms('investments, investment management, securities'),
        aliases: terms('wealth management, investing, asset management'),
        keywords: terms(`
          investments, institutional investors, wealth management, financial advisors, financial advisor,
          financial planning, financial planners, cfp, cfa, cfa institute, asset management, portfolio management,
          portfolio managers, hedge funds, private equity, venture capital, brokerage, broker-dealer, finra,
          stock market, traders, equities, fixed income, etfs, retirement planning, family office,
          investors, investment professionals, charterholders, wealth advisors, certified financial planners,
          cfp board, asset managers, angel investors, limited partners, fund managers, investment advisers,
          index funds
        `),
      },
    ],
  },
  {
    id: 'government-public-administration',
    name: 'Government & Public Administration',
    shortName: 'Government',
    synonyms: terms('government, public administration, public sector, government and public administration'),
    aliases: terms('civil service, public service, govtech'),
    keywords: terms(`
      federal government, state government, local government, government agencies, government officials,
      public administration, public sector, public policy, policymakers, policy makers, civil servants, civil service,
      govtech, elected officials, legislators, municipal government, municipalities, city managers, county officials,
      aspa, icma, national league of cities, naco, usajobs, federal employees, government contracting, govcon,
      foreign service, diplomacy, national security, defense industry, urban planning, zoning, tax policy,
      regulatory affairs,
      public servants, government employees, state agencies, federal agencies, county government, city government,
      civic tech, open data
    `),
    pathways: [
      {
        id: 'government-public-administration/foreign-service',
        name: 'Foreign Service',
        synonyms: terms('diplomatic service, diplomacy'),
        aliases: terms('international affairs, international relations'),
        keywords: terms(`
          foreign service, diplomacy, diplomats, diplomatic, consular, state department, international relations,
          international affairs, usaid, foreign policy, peace corps,
          foreign service officers
        `),
      },
      {
        id: 'government-public-administration/governance',
        name: 'Governance',
        synonyms: terms('legislative affairs, elected office'),
        aliases: terms('public policy, government affairs'),
        keywords: terms(`
          elected officials, legislators, legislative, legislature, lawmakers, state legislatures, ncsl, city council,
          county commissioners, mayors, conference of mayors, governors, public policy, policymakers, policy makers,
          civic leadership, lobbying, government affairs, public affairs,
          council members, city councils, county boards, newly elected officials
        `),
      },
      {
        id: 'government-public-administration/national-security',
        name: 'National Security',
        synonyms: terms('defense, homeland security, intelligence community'),
        aliases: terms('security clearance'),
        keywords: terms(`
          national security, defense industry, department of defense, dod, intelligence community, homeland security,
          dhs, security clearance, cleared professionals, afcea, ndia, ausa, defense contractors, counterterrorism,
          military intelligence, intelligence analysts,
          intelligence professionals, cyber operations,
          federal contractors, government contractors
        `),
      },
      {
        id: 'government-public-administration/planning',
        name: 'Planning',
        synonyms: terms('urban planning, city planning, regional planning, community planning'),
        aliases: terms('zoning, land use'),
        keywords: terms(`
          urban planning, urban planners, city planning, regional planning, zoning, land use, comprehensive plan,
          aicp, american planning association, community development, economic development, smart cities,
          housing policy, gis, planning commission,
          municipal planners, city planners, land use planning, zoning reform
        `),
      },
      {
        id: 'government-public-administration/public-management-administration',
        name: 'Public Management and Administration',
        synonyms: terms('public management, government management'),
        aliases: terms('city management, municipal management'),
        keywords: terms(`
          public administration, city managers, city management, county administrators, icma, aspa, public managers,
          municipal management, government finance officers, gfoa, public budgeting, public works, apwa,
          government technology, govtech, civil service, public employees,
          county clerks, municipal clerks, election administration, election officials, public finance,
          government finance, budget officers
        `),
      },
      {
        id: 'government-public-administration/regulation',
        name: 'Regulation',
        synonyms: terms('regulatory affairs, government regulation'),
        aliases: terms('regulatory compliance'),
        keywords: terms(`
          regulatory affairs, regulatory compliance, regulators, code enforcement, licensing boards,
          building inspectors, environmental regulation, regulatory affairs professionals society,
          regulatory agencies, public utilities commission, rulemaking, inspectors general
        `),
      },
      {
        id: 'government-public-administration/revenue-taxation',
        name: 'Revenue and Taxation',
        synonyms: terms('taxation, tax administration, public revenue'),
        aliases: terms('tax policy'),
        keywords: terms(`
          taxation, tax policy, tax administration, irs, revenue agents, tax assessors, property tax, assessors, iaao,
          tax collectors, tax auditors, revenue officers, department of revenue,
          mass appraisal, property tax assessors
        `),
      },
    ],
  },
  {
    id: 'health-science',
    name: 'Health Science',
    shortName: 'Health care',
    synonyms: terms('healthcare, health care, health sciences, health professions'),
    aliases: terms('medical, medicine, clinical, allied health, healthcare industry'),
    keywords: terms(`
      healthcare, health care, hospital, hospitals, health system, health systems, nursing, nurses, physicians,
      physician, doctors, clinicians, clinical, patient care, patient safety, medical, medicine, public health,
      allied health, pharmacy, pharmacists, dentistry, dental, himss, ahima, mgma, healthcare executives,
      american college of healthcare executives, health it, telehealth, telemedicine, ehr, radiology, biotech,
      life sciences, pharmaceutical, pharma, medical devices, medtech, continuing medical education, cme credits,
      grand rounds, medical residency, medical students, nurse practitioners,
      health professionals, healthcare professionals, healthcare workers, patients, epidemiologists, epidemiology,
      health departments, vaccination
    `),
    pathways: [
      {
        id: 'health-science/biotechnology-research-development',
        name: 'Biotechnology Research and Development',
        synonyms: terms('biotechnology, biotech, biomedical research'),
        aliases: terms('life sciences, pharma, drug development'),
        keywords: terms(`
          biotechnology, biotech, biopharma, biopharmaceutical, life sciences, pharmaceutical, pharma, drug discovery,
          drug development, clinical trials, clinical research, genomics, bioinformatics, molecular biology,
          biomedical research, biomanufacturing, gene therapy, cell therapy, precision medicine, acrp,
          bio international convention,
          biotech executives, biotechnology companies, pharma companies, clinical research coordinators,
          stem cells, stem cell research, regenerative medicine
        `),
      },
      {
        id: 'health-science/diagnostic-services',
        name: 'Diagnostic Services',
        synonyms: terms('diagnostics, medical diagnostics'),
        aliases: terms('radiology, medical imaging, laboratory medicine'),
        keywords: terms(`
          diagnostics, radiology, radiologists, radiologic technologists, medical imaging, mri, ultrasound,
          sonography, sonographers, x-ray, mammography, nuclear medicine, clinical laboratory, medical laboratory,
          laboratory professionals, pathology, pathologists, phlebotomy, phlebotomists, asrt, rsna, ascp,
          echocardiography, audiology,
          medical laboratory scientists, imaging professionals
        `),
      },
      {
        id: 'health-science/health-informatics',
        name: 'Health Informatics',
        synonyms: terms(`
          health information technology, health it, healthcare it, medical informatics,
          health information management
        `),
        aliases: terms('healthcare administration, digital health, medical records'),
        keywords: terms(`
          health informatics, himss, ahima, amia, ehr, emr, electronic health records, electronic medical records,
          health information management, medical coding, medical coders, medical billing, icd-10,
          healthcare analytics, health data, interoperability, hl7, fhir, telehealth, digital health, revenue cycle,
          hfma, health information exchange, clinical informatics, nursing informatics, healthcare administration,
          hospital administrators, medical practice management, mgma,
          health information, him professionals, cpc exam, clinical documentation, health data analytics, cmios,
          chief medical information officers, ehr usability
        `),
      },
      {
        id: 'health-science/support-services',
        name: 'Support Services',
        synonyms: terms('health support services, healthcare support services'),
        aliases: terms('hospital support services'),
        keywords: terms(`
          sterile processing, central service, healthcare facilities, hospital facilities,
          biomedical equipment technicians, healthcare technology management, patient transport,
          hospital environmental services, american society for health care engineering, health care engineering,
          healthcare supply chain, medical interpreters, community health workers, healthcare food service
        `),
      },
      {
        id: 'health-science/therapeutic-services',
        name: 'Therapeutic Services',
        synonyms: terms('patient care, clinical care, direct patient care'),
        aliases: terms('nursing, physicians, therapy'),
        keywords: terms(`
          nursing, nurses, registered nurses, rn, lpn, nurse practitioners, physicians, physician, doctors, surgeons,
          surgery, primary care, emergency medicine, pediatrics, cardiology, oncology, dentistry, dentists,
          dental hygienists, pharmacy, pharmacists, physical therapy, physical therapists, occupational therapy,
          occupational therapists, respiratory therapy, respiratory therapists, speech-language pathology,
          athletic trainers, chiropractic, optometry, paramedics, emts, emergency medical services,
          medical assistants, physician assistants, anesthesiology, psychiatry, dietitians, registered dietitians,
          anesthesiologists, anesthesia, nurse anesthetists, crnas, perioperative, pain management, cardiologists,
          oncologists, oncology nurses, pediatricians, hygienists, emergency nurses, nurse educators, midwives,
          midwifery, psychiatrists, dermatology
        `),
      },
    ],
  },
  {
    id: 'hospitality-tourism',
    name: 'Hospitality & Tourism',
    shortName: 'Hospitality',
    synonyms: terms('hospitality and tourism, tourism, hospitality industry'),
    aliases: terms('hotels, restaurants, events industry'),
    keywords: terms(`
      hospitality, hospitality industry, hospitality management, hoteliers, hotel industry, hotel management,
      restaurant industry, restaurateurs, foodservice, culinary, chefs, caterers, tourism, travel industry,
      travel agents, tour operators, destination marketing, event planners, meeting planners, meeting professionals,
      meeting professionals international, pcma, ahla, national restaurant association, casino industry, theme parks,
      iaapa, cruise industry, food and beverage industry, sommeliers, event management,
      hotel owners, hotel operators, restaurant owners, line cooks, front desk agents
    `),
    pathways: [
      {
        id: 'hospitality-tourism/lodging',
        name: 'Lodging',
        synonyms: terms('hotels and lodging, hotel industry, hotel management, lodging industry'),
        aliases: terms('hotels, resorts'),
        keywords: terms(`
          hoteliers, hotel industry, hotel management, hotel operations, resort management, front office operations,
          hotel housekeeping, hotel revenue management, ahla, vacation rentals, short-term rentals, bed and breakfast,
          hitec, hsmai, lodging industry,
          hotel owners, hotel general managers, hotel investment, front desk agents, housekeepers
        `),
      },
      {
        id: 'hospitality-tourism/recreation-amusements-attractions',
        name: 'Recreation, Amusements and Attractions',
        synonyms: terms('recreation, amusements, attractions, leisure and recreation'),
        aliases: terms('theme parks, parks and recreation'),
        keywords: terms(`
          theme parks, amusement parks, iaapa, attractions industry, parks and recreation, recreation management,
          nrpa, zoos, aquariums, golf course management, ski areas, casino industry, casino gaming,
          outdoor recreation, sports management, sports venues, water parks,
          recreation professionals, summer camps, campgrounds
        `),
      },
      {
        id: 'hospitality-tourism/restaurants-food-beverage-services',
        name: 'Restaurants and Food/Beverage Services',
        synonyms: terms('restaurants, food and beverage, foodservice, food service'),
        aliases: terms('culinary, culinary arts'),
        keywords: terms(`
          restaurant industry, restaurateurs, restaurant operators, restaurant management, foodservice, culinary,
          culinary arts, chefs, cooks, caterers, catering industry, bartenders, baristas, mixology, sommeliers,
          food and beverage industry, national restaurant association, quick service restaurants, qsr, servsafe,
          line cooks, food cost, culinary professionals, pastry chefs, kitchen managers
        `),
      },
      {
        id: 'hospitality-tourism/travel-tourism',
        name: 'Travel and Tourism',
        synonyms: terms('travel, travel industry'),
        aliases: terms('events industry, meeting planning'),
        keywords: terms(`
          tourism, travel industry, travel agents, travel advisors, travel professionals, tour operators, tour guides,
          destination marketing, destination management, destinations international, convention and visitors bureau,
          cvb, u.s. travel association, ipw, event planners, meeting planners, meeting professionals,
          meeting professionals international, pcma, business travel, gbta, cruise industry, ecotourism,
          travel writers, travel bloggers, cruise lines, cruise line, familiarization trips, fam trips,
          tourism boards, tourism offices, event planning, event professionals, wedding planners
        `),
      },
    ],
  },
  {
    id: 'human-services',
    name: 'Human Services',
    shortName: 'Human services',
    synonyms: terms('social services'),
    aliases: terms('social work, community services'),
    keywords: terms(`
      social work, social workers, nasw, human services, social services, case management, case managers,
      mental health counselors, licensed professional counselors, mental health, behavioral health, psychologists,
      marriage and family therapists, substance abuse, addiction, child welfare, foster care, family services,
      community services, early childhood, child care providers, head start programs, naeyc, cosmetology,
      cosmetologists, barbers, estheticians, funeral service, funeral directors, consumer services, credit counseling,
      aging services, gerontology, disability services
    `),
    pathways: [
      {
        id: 'human-services/consumer-services',
        name: 'Consumer Services',
        synonyms: terms('consumer affairs, family and consumer sciences, consumer sciences'),
        aliases: terms('consumer advocacy'),
        keywords: terms(`
          consumer services, consumer affairs, consumer advocacy, credit counseling, financial counseling,
          family and consumer sciences, aafcs, consumer protection, home economics, housing counseling,
          financial coaching,
          financial counselors, accredited financial counselors, housing counselors
        `),
      },
      {
        id: 'human-services/counseling-mental-health-services',
        name: 'Counseling and Mental Health Services',
        synonyms: terms('mental health, counseling, behavioral health, mental health services'),
        aliases: terms('psychotherapy, addiction services'),
        keywords: terms(`
          mental health counselors, licensed professional counselors, counseling professionals, counselor education,
          mental health, behavioral health, psychotherapy, psychotherapists, psychologists, clinical psychology,
          marriage and family therapists, substance use disorder, addiction, addiction counselors,
          american counseling association, naadac, nami, crisis intervention, trauma-informed care,
          suicide prevention, lcsw, lpc,
          counselors, mental health therapists, peer support specialists, peer specialists,
          motivational interviewing, lmfts, lmft, licensed counselors, clinical social workers,
          community mental health
        `),
      },
      {
        id: 'human-services/early-childhood-development-services',
        name: 'Early Childhood Development and Services',
        synonyms: terms('early childhood, early childhood education, child care, childcare'),
        aliases: terms('preschool, daycare'),
        keywords: terms(`
          early childhood, early childhood education, early childhood educators, early learning, child care providers,
          childcare professionals, child care industry, preschool teachers, pre-k, head start programs, naeyc,
          child development, infant and toddler, early intervention, nannies,
          head start, child care centers, early educators
        `),
      },
      {
        id: 'human-services/family-community-services',
        name: 'Family and Community Services',
        synonyms: terms('family services, community services'),
        aliases: terms('social work, child welfare'),
        keywords: terms(`
          social work, social workers, nasw, case management, case managers, child welfare, foster care,
          adoption services, family services, community services, community action, homelessness, homeless services,
          housing assistance, food banks, domestic violence, youth services, youth development, aging services,
          older adults, gerontology, disability services, vocational rehabilitation,
          food pantries, food insecurity, hunger relief, food drives, caseworkers, family advocates, youth workers,
          foster parents, adoptive parents, senior centers, aging in place, senior services, family service workers
        `),
      },
      {
        id: 'human-services/personal-care-services',
        name: 'Personal Care Services',
        synonyms: terms('personal care, beauty and wellness, beauty industry'),
        aliases: terms('cosmetology, beauty, salon'),
        keywords: terms(`
          cosmetology, cosmetologists, barbers, barbering, hair stylists, hairstylists, salon professionals,
          salon owners, estheticians, esthetics, nail technicians, massage therapy, massage therapists, spa industry,
          personal trainers, fitness professionals, funeral service, funeral directors, morticians, embalmers,
          beauty industry, professional beauty association,
          stylists, skin care professionals, makeup artists, spa professionals, barbershops
        `),
      },
    ],
  },
  {
    id: 'information-technology',
    name: 'Information Technology',
    shortName: 'IT',
    synonyms: terms('information technology'),
    aliases: terms('it, tech, computing, computers, tech industry, technology industry, infotech'),
    keywords: terms(`
      software, software engineering, software developers, developer conference, programming, programmers, coding,
      web development, cybersecurity, infosec, information security, cloud, cloud computing, devops, kubernetes,
      docker, aws, azure, google cloud, linux, open source, javascript, typescript, python, java, node.js, golang,
      databases, sql, data engineering, machine learning, artificial intelligence, deep learning, llm, mlops,
      it professionals, sysadmin, system administrators, help desk, network engineers, cisco, comptia,
      site reliability engineering, sre, apis, microservices, ux design, hackathon, devsecops, itil, saas, owasp,
      tech industry,
      it leaders, cios, ctos, informatics, iot, internet of things
    `),
    pathways: [
      {
        id: 'information-technology/information-support-services',
        name: 'Information Support and Services',
        synonyms: terms('it support, technical support, it services, tech support'),
        aliases: terms('help desk, service desk'),
        keywords: terms(`
          help desk, service desk, it support, technical support, tech support, desktop support,
          it service management, itsm, itil, it operations, it asset management, end user computing, comptia,
          database administration, database administrators, systems analysts, it governance, servicenow,
          it project management,
          it managers, it directors, it decision makers, it executives, managed service providers, msps
        `),
      },
      {
        id: 'information-technology/network-systems',
        name: 'Network Systems',
        synonyms: terms('computer networking, network engineering, network administration, systems administration'),
        aliases: terms('cybersecurity, infrastructure, cloud infrastructure'),
        keywords: terms(`
          network engineers, network engineering, network administrators, network administration, network security,
          cisco, ccna, ccnp, routing and switching, sd-wan, wireless networking, sysadmin, sysadmins,
          system administrators, linux administration, data center, data centers, cloud infrastructure,
          cloud computing, aws, azure, gcp, virtualization, vmware, devops, kubernetes, docker, terraform,
          site reliability engineering, sre, cybersecurity, infosec, information security, penetration testing,
          ethical hacking, security operations center, incident response, isc2, cissp, owasp, bsides, def con,
          black hat, rsac, zero trust, firewalls,
          ransomware, phishing, malware, threat intelligence, soc analysts, security analysts, issa, isaca, cisos,
          ciso, application security, appsec, cloud security, zero trust architecture, cloud architecture,
          cloud native, cloudnativecon, kubecon, platform engineering, platform engineers, observability,
          network automation, wi-fi, wifi, ccie, ansible, edge computing, capture the flag, security researchers,
          penetration testers, red team,
          social engineering,
          cyber, identity management, identity and access management, netdevops, network operators, dns, bgp, ipv6,
          peering, bug bounty, pentesting, infosec professionals
        `),
      },
      {
        id: 'information-technology/programming-software-development',
        name: 'Programming and Software Development',
        synonyms: terms('software development, software engineering, programming, computer programming, coding'),
        aliases: terms('computer science, software, developers'),
        keywords: terms(`
          software engineering, software engineers, software developers, software development, programming,
          programmers, coding, developer conference, javascript, typescript, node.js, nodejs, react.js, reactjs,
          angular, vue.js, python, pycon, java, jvm, kotlin, swiftui, ios development, android development,
          mobile development, golang, gophercon, rustlang, rust programming, c++, c#, .net, dotnet, ruby on rails,
          php, laravel, scala, elixir, haskell, clojure, graphql, apis, microservices, machine learning,
          deep learning, artificial intelligence, llm, mlops, data engineering, open source, github, software testing,
          test automation, hackathon, game development, blockchain, computer science,
          rust, ruby, rails, railsconf, rubyconf, jsconf, ios, android, flutter, vue, svelte, nextjs, deno,
          webassembly, wasm, pydata, jupyter, scikit learn, data warehousing, data warehouse, analytics engineering,
          data pipelines, etl, software architecture, software architects, developer experience, game developers,
          gamedev, game jam, indie games, video game development, programming languages, compilers,
          functional programming, ci/cd, continuous integration, continuous delivery, scrum,
          agile software development, software teams, vps of engineering, tech leads, acm, opensource, cfml,
          coldfusion, cpp, full stack, fullstack, backend, health it, clinical informatics, health informatics,
          nursing informatics, interoperability, fhir, hl7,
          civic tech, engineering teams,
          api, dev, devs, devrel, developer relations, devfest, gdg, google developer groups, code camp, codecamp,
          foss, free software, agile, big data, postgres, postgresql, mysql, mongodb, nosql, kafka, elasticsearch,
          neural networks, computer vision, natural language processing, nlp, llms, software testers, testers,
          qa automation, performance engineering, engineering leadership, cloud computing, serverless, webdev,
          web developers, hackers, hacking, cryptography, blockchain developers,
          qcon, ndc, devoxx, codemotion, yow, oredev, siggraph, wordcamp, drupalcon, debconf,
          fosdem, oscon, all things open, smashing conference, smashingconf, web summit, codemash, confoo, devnexus,
          javaone, springone, google i/o, microsoft build, wwdc, dreamforce, strange loop, lambdaconf, scipy,
          europython, jsnation, react summit, nodeconf, vueconf, ng-conf, dotnetconf, laracon, symfonycon, rubykaigi,
          elixirconf, droidcon, kotlinconf, rustconf, swiftconf, pgconf, devopsdays, devcon, hackconf,
          techcrunch disrupt, elm, haxe, joomla, wordpress developers, women techmakers, women in technology,
          blacks in technology,
          goto, voxxed, code, hack, hacks, ml, internet, apache, apachecon, red hat, ibm, microsoft,
          oracle openworld, tableau, gitops, git, xml, erlang, domain driven design, chaos engineering, grace hopper,
          virtual reality, augmented reality, product owners
        `),
      },
      {
        id: 'information-technology/web-digital-communications',
        name: 'Web and Digital Communications',
        synonyms: terms('web development, web design, digital communications'),
        aliases: terms('ux design, user experience, frontend'),
        keywords: terms(`
          web development, web developers, web design, web designers, front-end, frontend, css, html, javascript,
          wordpress, drupal, ux design, ux, user experience, ui design, user interface design, interaction design,
          usability, information architecture, web accessibility, a11y, wcag, web performance,
          content management systems, jamstack,
          ux designers, ux researchers, user researchers, ux research, product designers, usability testing,
          front-end developers, frontend developers, design systems,
          digital accessibility, inclusive design, websites, web apps,
          web
        `),
      },
    ],
  },
  {
    id: 'law-public-safety-corrections-security',
    name: 'Law, Public Safety, Corrections & Security',
    shortName: 'Law & safety',
    synonyms: terms('law public safety corrections and security, law and public safety, public safety'),
    aliases: terms('criminal justice, first responders, emergency services'),
    keywords: terms(`
      law enforcement, police, policing, sheriffs, criminal justice, corrections, correctional officers, probation,
      parole, firefighters, firefighting, fire service, fire chiefs, emergency management, emergency managers, 911,
      dispatchers, first responders, lawyers, attorneys, paralegals, legal profession, law firms, bar association,
      continuing legal education, cle, judiciary, legal tech, legaltech, security officers, private security,
      loss prevention, asis international, iacp, nfpa, iafc, iaem, fema, forensic science, public safety
    `),
    pathways: [
      {
        id: 'law-public-safety-corrections-security/correction-services',
        name: 'Correction Services',
        synonyms: terms('corrections, correctional services'),
        aliases: terms('probation and parole, reentry'),
        keywords: terms(`
          corrections, correctional, correctional officers, correctional facilities, jails, jail, prisons, prison,
          detention, probation, probation officers, parole, parole officers, reentry, community corrections,
          american correctional association, juvenile justice,
          department of corrections, corrections officers, jail administrators
        `),
      },
      {
        id: 'law-public-safety-corrections-security/emergency-fire-management-services',
        name: 'Emergency and Fire Management Services',
        synonyms: terms('emergency management, fire service, fire services, fire and emergency services'),
        aliases: terms('firefighting, emergency response, ems'),
        keywords: terms(`
          firefighters, firefighting, fire service, fire department, fire chiefs, fire prevention, fire protection,
          fire marshals, wildland firefighting, emergency management, emergency managers, emergency preparedness,
          disaster response, hazmat, 911, dispatchers, public safety communications, apco,
          national emergency number association, fema, iaem, iafc, nfpa, ems, emts, paramedics,
          fire code, hurricane preparedness, evacuation, disaster preparedness, search and rescue,
          firefighter training
        `),
      },
      {
        id: 'law-public-safety-corrections-security/law-enforcement-services',
        name: 'Law Enforcement Services',
        synonyms: terms('law enforcement, policing, police'),
        aliases: terms('criminal investigation, forensics'),
        keywords: terms(`
          law enforcement, police, policing, police officers, police chiefs, sheriff, sheriffs, detectives,
          criminal investigation, crime analysis, crime analysts, forensic science, forensics,
          crime scene investigation, iacp, fbi, k9, swat, community policing, police academy,
          fraternal order of police, highway patrol, state troopers,
          law enforcement officers, police departments, sheriff offices, state patrol, crime prevention
        `),
      },
      {
        id: 'law-public-safety-corrections-security/legal-services',
        name: 'Legal Services',
        synonyms: terms('legal, legal profession'),
        aliases: terms('law, lawyers, attorneys, paralegal'),
        keywords: terms(`
          lawyers, attorneys, attorney, law firm, law firms, legal profession, legal professionals, legal industry,
          paralegals, paralegal, legal assistants, court reporters, judiciary, court administration, bar association,
          state bar, american bar association, cle, continuing legal education, legal tech, legaltech, e-discovery,
          ediscovery, litigation, in-house counsel, general counsel, corporate counsel, legal operations, law school,
          law students, paralegal association, legal aid, public defenders, prosecutors, district attorneys,
          immigration law, intellectual property,
          law practice, legal ethics, immigration lawyers, immigration attorneys, defense attorneys, trial lawyers, courts, law firm leaders, legal innovation, contract automation, law clinics, legal education
        `),
      },
      {
        id: 'law-public-safety-corrections-security/security-protective-services',
        name: 'Security and Protective Services',
        synonyms: terms('security services, private security, protective services'),
        aliases: terms('security guards, loss prevention'),
        keywords: terms(`
          security officers, security guards, private security, protective services, executive protection,
          loss prevention, asset protection, physical security, corporate security, asis international, gsx,
          security industry, video surveillance, event security, campus security, campus safety, school safety,
          workplace violence prevention,
          security directors, csos, chief security officers, access control, guard force, healthcare security,
          hospital security
        `),
      },
    ],
  },
  {
    id: 'manufacturing',
    name: 'Manufacturing',
    shortName: 'Manufacturing',
    synonyms: terms('manufacturing industry, industrial manufacturing'),
    aliases: terms('factory, factories, industrial, industry 4.0'),
    keywords: terms(`
      manufacturing, manufacturers, factory, factories, plant managers, industry 4.0, smart manufacturing,
      advanced manufacturing, additive manufacturing, 3d printing, cnc, machining, machinists, welding, welders,
      metal fabrication, metalworking, industrial automation, factory automation, robotics, plc, mechatronics,
      lean manufacturing, six sigma, quality control, iso 9001, asq, society of manufacturing engineers, fabtech,
      imts, industrial maintenance, millwrights, osha, environmental health and safety, manufacturing engineering,
      injection molding, plastics industry, semiconductor manufacturing, packaging machinery,,
      manufacturing leaders, plant operations, factory floor`),
    pathways: [
      {
        id: 'manufacturing/health-safety-environmental-assurance',
        name: 'Health, Safety and Environmental Assurance',
        synonyms: terms('ehs, environmental health and safety, occupational safety, occupational health and safety'),
        aliases: terms('workplace safety, industrial hygiene'),
        keywords: terms(`
          ehs, environmental health and safety, occupational safety, occupational health and safety, osha,
          safety professionals, safety managers, workplace safety, industrial hygiene, industrial hygienists, assp,
          aiha, national safety council, safety congress, process safety, hazard communication, lockout tagout,
          iso 45001, iso 14001, ergonomics,
          safety directors, ehs managers, osha recordkeeping, personal protective equipment
        `),
      },
      {
        id: 'manufacturing/logistics-inventory-control',
        name: 'Logistics and Inventory Control',
        synonyms: terms('inventory control, inventory management, production logistics'),
        aliases: terms('material handling, production planning'),
        keywords: terms(`
          inventory control, inventory management, materials management, material handling, production planning,
          production control, mrp, erp systems, ascm, apics, demand planning, supply chain planning, procurement,
          modex, promat, warehouse automation
        `),
      },
      {
        id: 'manufacturing/maintenance-installation-repair',
        name: 'Maintenance, Installation and Repair',
        synonyms: terms('industrial maintenance, maintenance and repair'),
        aliases: terms('reliability engineering'),
        keywords: terms(`
          industrial maintenance, maintenance technicians, millwrights, maintenance and reliability,
          reliability engineering, predictive maintenance, preventive maintenance, equipment repair,
          industrial electricians, instrumentation, smrp, cmms, field service technicians, machinery installation,
          lubrication, vibration analysis, reliability engineers, maintenance managers, corrosion,
          coating inspection, coatings inspectors, industrial coatings, ampp
        `),
      },
      {
        id: 'manufacturing/manufacturing-production-process-development',
        name: 'Manufacturing Production Process Development',
        synonyms: terms('process engineering, manufacturing engineering, production engineering'),
        aliases: terms('industrial engineering, lean manufacturing'),
        keywords: terms(`
          manufacturing engineering, manufacturing engineers, process engineering, process engineers,
          industrial engineering, industrial engineers, iise, lean manufacturing, continuous improvement, kaizen,
          design for manufacturing, industrial automation, plc programming, plc, robotics, mechatronics, industry 4.0,
          smart manufacturing, digital manufacturing, advanced manufacturing, additive manufacturing, 3d printing,
          cad/cam, solidworks,
          packaging engineers, automation engineers, machine vision, industrial robots, cobots, plant engineers,
          quick changeover, smed, value stream mapping
        `),
      },
      {
        id: 'manufacturing/production',
        name: 'Production',
        synonyms: terms('manufacturing production, production operations'),
        aliases: terms('machining, welding, fabrication'),
        keywords: terms(`
          machining, machinists, cnc, cnc machining, welding, welders, metal fabrication, fabricators, metalworking,
          assembly line, assemblers, production supervisors, plant managers, tool and die, injection molding,
          metal stamping, foundry, foundries, fabtech, imts, american welding society,
          fabricators and manufacturers association, precision machining, sheet metal,
          chip fab, semiconductor fab, wafer fab, fab technicians, cleanroom, machine operators, production workers,
          die casting, cnc operators, welding inspectors, certified welding inspector
        `),
      },
      {
        id: 'manufacturing/quality-assurance',
        name: 'Quality Assurance',
        synonyms: terms('quality control, quality management, manufacturing quality'),
        aliases: terms('six sigma'),
        keywords: terms(`
          quality assurance, quality control, quality management, quality engineers, quality engineering, asq,
          six sigma, lean six sigma, iso 9001, iatf 16949, statistical process control, metrology, gd&t, calibration,
          root cause analysis, capa, qms, quality management systems,
          measurement systems analysis, quality professionals, fmea, ppap, 8d problem solving
        `),
      },
    ],
  },
  {
    id: 'marketing-sales-service',
    name: 'Marketing, Sales & Service',
    shortName: 'Marketing',
    synonyms: terms('marketing and sales, sales and marketing, marketing sales and service'),
    aliases: terms('marketers, customer experience, martech'),
    keywords: terms(`
      marketers, marketing professionals, marketing leaders, digital marketing, content marketing,
      social media marketing, seo, search engine optimization, email marketing, marketing automation, martech,
      advertising industry, advertising agencies, ad agencies, advertisers, brand management, brand strategy,
      public relations, prsa, american marketing association, salespeople, sales professionals, sales leaders,
      sales enablement, sales operations, account executives, b2b sales, inside sales, customer success,
      customer experience, cx, contact center, retailers, retail industry, merchandising, e-commerce, ecommerce,
      national retail federation, market research, consumer insights, crm, growth marketing, product marketing,
      influencer marketing, real estate agents, realtors
    `),
    pathways: [
      {
        id: 'marketing-sales-service/marketing-communications',
        name: 'Marketing Communications',
        synonyms: terms('marcom, marketing communication, advertising and promotion'),
        aliases: terms('advertising, public relations, pr'),
        keywords: terms(`
          advertising industry, advertising agencies, ad agencies, advertisers, public relations, prsa,
          pr professionals, content marketing, copywriting, copywriters, social media marketing, influencer marketing,
          brand management, brand strategy, brand marketing, media buying, programmatic advertising, email marketing,
          promotional products, american advertising federation, cannes lions, iabc, integrated marketing,
          crisis communications, public relations professionals, brand managers, creative agencies,
          content marketers, social media managers, advertising federation, advertising awards
        `),
      },
      {
        id: 'marketing-sales-service/marketing-management',
        name: 'Marketing Management',
        synonyms: terms('marketing leadership, marketing strategy'),
        aliases: terms('digital marketing, growth marketing'),
        keywords: terms(`
          marketing strategy, chief marketing officers, marketing leaders, marketing executives, marketing operations,
          marketing automation, martech, digital marketing, growth marketing, product marketing, demand generation,
          account-based marketing, seo, search engine optimization, ppc, american marketing association,
          marketing technology, b2b marketing, marketing analytics,
          cmos, cmo, marketing directors, marketing ops, b2b marketers, google ads, paid search, paid social,
          email marketers, marketing teams,
          product management, product managers
        `),
      },
      {
        id: 'marketing-sales-service/marketing-research',
        name: 'Marketing Research',
        synonyms: terms('market research, consumer insights, market intelligence'),
        aliases: terms('customer insights'),
        keywords: terms(`
          market research, marketing research, market researchers, consumer insights, insights association, esomar,
          survey research, focus groups, customer insights, marketing analytics, market intelligence,
          competitive intelligence, consumer behavior, aapor, public opinion research
        `),
      },
      {
        id: 'marketing-sales-service/merchandising',
        name: 'Merchandising',
        synonyms: terms('retail, retail merchandising, retailing'),
        aliases: terms('e-commerce, ecommerce'),
        keywords: terms(`
          retailers, retailing, retail industry, retail leaders, merchandising, merchandisers, visual merchandising,
          retail buyers, category management, store managers, e-commerce, ecommerce, omnichannel, nrf,
          national retail federation, shoptalk, consumer packaged goods, cpg, fashion retail, grocery retail,
          franchising,
          retail executives, retail associates, ecommerce sellers, online sellers, marketplace sellers,
          direct to consumer
        `),
      },
      {
        id: 'marketing-sales-service/professional-sales',
        name: 'Professional Sales',
        synonyms: terms('sales, professional selling'),
        aliases: terms('selling, customer service, real estate'),
        keywords: terms(`
          salespeople, sales professionals, sales leaders, sales teams, sales management, sales managers,
          sales enablement, sales operations, sales kickoff, account executives, account managers, b2b sales,
          inside sales, outside sales, sales development, sales development representatives, sales training,
          customer success, customer service professionals, customer experience, cx, call center, contact center, crm,
          channel partners, medical sales, pharmaceutical sales, real estate industry, realtors, real estate agents,
          national association of realtors, property management,
          sdrs, bdrs, chief revenue officers, cros, vps of sales, sales reps, consultative selling, sales pipeline,
          customer success managers, real estate brokers, leasing agents, commercial real estate,
          real estate developers, multifamily, fair housing
        `),
      },
    ],
  },
  {
    id: 'stem',
    name: 'Science, Technology, Engineering & Mathematics',
    shortName: 'STEM',
    synonyms: terms('science technology engineering and mathematics, science technology engineering and math'),
    aliases: terms('science and engineering, sciences'),
    keywords: terms(`
      stem careers, stem professionals, scientists, scientific research, research and development, r&d, physics,
      physicists, chemistry, chemists, biology, biologists, mathematics, mathematicians, statistics, statisticians,
      data science, data scientists, mechanical engineering, electrical engineering, civil engineering,
      chemical engineering, aerospace engineering, aerospace, robotics, ieee, asme, asce, aiche, aaas, nasa,
      society of women engineers, nsbe, shpe, nanotechnology, quantum computing
    `),
    pathways: [
      {
        id: 'stem/engineering-technology',
        name: 'Engineering and Technology',
        synonyms: terms('engineering technology'),
        aliases: terms('engineering, engineers'),
        keywords: terms(`
          mechanical engineering, mechanical engineers, electrical engineering, electrical engineers,
          civil engineering, civil engineers, chemical engineering, chemical engineers, aerospace engineering,
          aerospace, biomedical engineering, environmental engineering, materials engineering, systems engineering,
          structural engineering, engineering technology, engineering technicians, ieee, asme, asce, aiche, aiaa,
          incose, society of women engineers, nsbe, shpe, sae international, robotics, embedded systems, electronics,
          semiconductors, nanotechnology, quantum computing, professional engineers, nspe, fe exam,
          engineering students, finite element analysis, power electronics, arduino, raspberry pi,
          automotive engineers, biological engineering
        `),
      },
      {
        id: 'stem/science-mathematics',
        name: 'Science and Mathematics',
        synonyms: terms('science and math, sciences and mathematics'),
        aliases: terms('science, math, mathematics, maths'),
        keywords: terms(`
          physics, physicists, chemistry, chemists, biology, biologists, mathematics, mathematicians,
          applied mathematics, statistics, statisticians, data science, data scientists, research scientists,
          scientists, astronomy, astrophysics, geology, geologists, geoscience, earth science, environmental science,
          ecology, neuroscience, microbiology, materials science, aaas, american chemical society,
          american physical society, siam, american statistical association, joint statistical meetings, agu,
          sigma xi, postdoctoral researchers,
          biostatistics, biostatisticians, postdocs, postdoc, astronomers, amateur astronomy, telescopes,
          earth scientists, space scientists, planetary science, exoplanets, cell biology, cell biologists,
          molecular biologists, biochemistry, genetics, algebraic geometry, number theory, causal inference,
          citizen science, catalysis, organic chemistry, materials scientists
        `),
      },
    ],
  },
  {
    id: 'transportation-distribution-logistics',
    name: 'Transportation, Distribution & Logistics',
    shortName: 'Logistics',
    synonyms: terms(`
      logistics, transportation and logistics, transportation distribution and logistics,
      transportation and distribution
    `),
    aliases: terms('transportation, transport, supply chain, shipping and logistics'),
    keywords: terms(`
      logistics industry, logistics professionals, supply chain, supply chain management, freight, trucking,
      truck drivers, cdl, fleet management, warehousing, distribution centers, 3pl, third-party logistics,
      last mile delivery, aviation, airline industry, airline pilots, air traffic control, aircraft maintenance,
      railroad, rail industry, maritime, port authority, seaports, intermodal, mass transit, transit agencies,
      american public transportation association, transportation planning, traffic engineering,
      automotive technicians, diesel technicians, collision repair, ase certification, cscmp,
      american trucking associations, electric vehicles, autonomous vehicles,
      supply chain professionals, logistics executives, shippers, fleet owners, fleet managers, airlines
    `),
    pathways: [
      {
        id: 'transportation-distribution-logistics/facility-mobile-equipment-maintenance',
        name: 'Facility and Mobile Equipment Maintenance',
        synonyms: terms('vehicle maintenance, automotive service, fleet maintenance'),
        aliases: terms('auto repair, automotive technology'),
        keywords: terms(`
          automotive technicians, auto mechanics, automotive service, automotive repair, auto repair,
          diesel technicians, diesel mechanics, heavy equipment mechanics, collision repair, auto body,
          ase certification, aircraft maintenance, aviation maintenance, fleet maintenance, small engine repair,
          marine mechanics, sema, automotive aftermarket, ev technicians,
          aviation maintenance technicians, mro, directors of maintenance
        `),
      },
      {
        id: 'transportation-distribution-logistics/health-safety-environmental-management',
        name: 'Health, Safety and Environmental Management',
        synonyms: terms('transportation safety, fleet safety'),
        aliases: terms('dot compliance'),
        keywords: terms(`
          transportation safety, fleet safety, driver safety, dot compliance, fmcsa, hazmat transportation,
          hazardous materials transportation, dangerous goods, cvsa, railroad safety, aviation safety,
          pipeline safety, transportation environmental compliance
        `),
      },
      {
        id: 'transportation-distribution-logistics/logistics-planning-management-services',
        name: 'Logistics Planning and Management Services',
        synonyms: terms('logistics management, supply chain management, logistics planning'),
        aliases: terms('freight forwarding, global trade'),
        keywords: terms(`
          supply chain, supply chain management, logistics management, logistics managers, cscmp, ascm,
          freight forwarding, freight forwarders, freight brokerage, freight brokers, 3pl, third-party logistics,
          transportation management, demand planning, procurement, global trade, customs brokers, import/export,
          transportation intermediaries association, supply chain analytics,
          importers, exporters, customs compliance, tariffs, tariff classification, freight market, truckload, ltl
        `),
      },
      {
        id: 'transportation-distribution-logistics/sales-service',
        name: 'Sales and Service',
        synonyms: terms('transportation sales, logistics sales, freight sales'),
        aliases: terms('auto dealers, car dealerships'),
        keywords: terms(`
          freight sales, logistics sales, transportation sales, freight brokerage, freight agents, auto dealers,
          car dealerships, automotive dealerships, national automobile dealers association, automotive retail,
          logistics customer service
        `),
      },
      {
        id: 'transportation-distribution-logistics/transportation-operations',
        name: 'Transportation Operations',
        synonyms: terms('transport operations'),
        aliases: terms('trucking, aviation, rail, maritime'),
        keywords: terms(`
          trucking, trucking industry, truck drivers, truckers, cdl, commercial drivers, airline industry,
          airline pilots, aviation, air traffic control, air traffic controllers, flight attendants, railroad,
          railroads, rail industry, locomotive engineers, transit operators, bus operators, mass transit, maritime,
          mariners, merchant marine, port operations, seaports, drone pilots,
          class a drivers, cdl drivers, railroad workers, rail workers, drone operators, remote pilots, part 107
        `),
      },
      {
        id: 'transportation-distribution-logistics/transportation-systems-infrastructure-planning',
        name: 'Transportation Systems/Infrastructure Planning, Management and Regulation',
        synonyms: terms('transportation planning, transportation infrastructure, infrastructure planning'),
        aliases: terms('traffic engineering, transit planning'),
        keywords: terms(`
          transportation planning, transportation planners, transportation engineering, traffic engineering,
          traffic engineers, institute of transportation engineers, intelligent transportation systems,
          transportation infrastructure, highways, departments of transportation, department of transportation,
          transit planning, urban mobility, smart mobility, micromobility, transportation research board, trb, aashto,
          american public transportation association, airport management, airports, aaae, port authority, faa,
          ite, roundabouts, traffic safety
        `),
      },
      {
        id: 'transportation-distribution-logistics/warehousing-distribution-center-operations',
        name: 'Warehousing and Distribution Center Operations',
        synonyms: terms('warehousing, distribution center operations, warehouse operations'),
        aliases: terms('fulfillment, distribution centers'),
        keywords: terms(`
          warehousing, warehouse management, distribution center, distribution centers, fulfillment center,
          fulfillment centers, order fulfillment, material handling, forklift, forklift operators, wms, iwla, werc,
          modex, promat, last mile delivery, cold storage, cold chain,
          forklift training, forklift certification, warehouse workers, warehouse associates, last mile
        `),
      },
    ],
  },
];
