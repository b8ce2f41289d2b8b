-- The responsibility catalogue (权责清单): which department answers for which kind of case, how
-- fast (time-limit class) and who dispatches it. Categories are two-level, in the style of
-- digital urban management (GB/T 30428): events (事件) and components (部件), a class above
-- and the categories cases are reported in below it. Every change to a category is kept as a
-- revision; a case remembers the revision it was reported under.

CREATE TABLE casework_department (
    code       VARCHAR(40)  NOT NULL PRIMARY KEY,
    name_zh    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(200) NOT NULL,
    sort_order INT          NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE
);

INSERT INTO casework_department (code, name_zh, name_en, sort_order) VALUES
    ('city-management',     '城市管理委员会',         'City Management',                              10),
    ('housing',             '住房和城乡建设局',       'Housing and Urban-Rural Development',          20),
    ('ecology',             '生态环境局',             'Ecology and Environment',                      30),
    ('public-security',     '公安局',                 'Public Security',                              40),
    ('traffic-police',      '公安局交通管理局',       'Traffic Police',                               50),
    ('market-regulation',   '市场监督管理局',         'Market Regulation',                            60),
    ('health',              '卫生健康委员会',         'Health Commission',                            70),
    ('civil-affairs',       '民政局',                 'Civil Affairs',                                80),
    ('transport',           '交通运输局',             'Transport',                                    90),
    ('water',               '水务局',                 'Water Affairs',                                100),
    ('emergency',           '应急管理局',             'Emergency Management',                         110),
    ('fire',                '消防救援支队',           'Fire and Rescue',                              120),
    ('planning',            '规划和自然资源局',       'Planning and Natural Resources',               130),
    ('parks',               '公园城市建设和城市更新局', 'Park City Construction and Urban Renewal',   140),
    ('education',           '教育局',                 'Education',                                    150),
    ('human-resources',     '人力资源和社会保障局',   'Human Resources and Social Security',          160),
    ('justice',             '司法局',                 'Justice',                                      170),
    ('letters-visits',      '信访局',                 'Letters and Visits',                           180),
    ('culture-tourism',     '文化广电旅游局',         'Culture, Radio, Television and Tourism',       190),
    ('commerce',            '商务局',                 'Commerce',                                     200),
    ('agriculture',         '农业农村局',             'Agriculture and Rural Affairs',                210),
    ('economy-it',          '经济和信息化局',         'Economy and Information Technology',           220),
    ('development-reform',  '发展和改革委员会',       'Development and Reform',                       230),
    ('sports',              '体育局',                 'Sports',                                       240),
    ('veterans',            '退役军人事务局',         'Veterans Affairs',                             250),
    ('medical-security',    '医疗保障局',             'Medical Security',                             260),
    ('housing-fund',        '住房公积金管理中心',     'Housing Provident Fund Centre',                270),
    ('statistics',          '统计局',                 'Statistics',                                   280),
    ('finance',             '财政局',                 'Finance',                                      290),
    ('water-supply',        '自来水公司',             'Water Supply Company',                         300),
    ('power',               '供电公司',               'Power Supply Company',                         310),
    ('gas',                 '燃气公司',               'Gas Company',                                  320);

CREATE TABLE casework_category (
    code           VARCHAR(20)  NOT NULL PRIMARY KEY,
    parent_code    VARCHAR(20)  REFERENCES casework_category (code),
    -- EVENT (事件) or COMPONENT (部件)
    kind           VARCHAR(10)  NOT NULL,
    name_zh        VARCHAR(100) NOT NULL,
    name_en        VARCHAR(200) NOT NULL,
    -- below: only for the categories cases are reported in (not for the classes above them)
    department     VARCHAR(40)  REFERENCES casework_department (code),
    -- NORMAL (2 working days), URGENT (1 working day), CRITICAL (4 hours)
    time_limit     VARCHAR(10),
    -- who dispatches: SUBDISTRICT, DISTRICT or CITY command centre
    dispatch_level VARCHAR(12),
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    revision       INT          NOT NULL DEFAULT 1,
    updated_by     VARCHAR(60)  NOT NULL DEFAULT 'seed',
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO casework_category (code, parent_code, kind, name_zh, name_en, department, time_limit, dispatch_level) VALUES
    ('C01', NULL, 'COMPONENT', '公用设施', 'Public utilities', NULL, NULL, NULL),
    ('C02', NULL, 'COMPONENT', '道路交通', 'Roads and traffic', NULL, NULL, NULL),
    ('C03', NULL, 'COMPONENT', '园林绿化', 'Trees and green spaces', NULL, NULL, NULL),
    ('E01', NULL, 'EVENT', '市容环境', 'Street cleanliness', NULL, NULL, NULL),
    ('E02', NULL, 'EVENT', '施工管理', 'Construction', NULL, NULL, NULL),
    ('E03', NULL, 'EVENT', '环境污染', 'Pollution', NULL, NULL, NULL),
    ('E04', NULL, 'EVENT', '街面秩序', 'Street order', NULL, NULL, NULL),
    ('E05', NULL, 'EVENT', '安全隐患', 'Safety hazards', NULL, NULL, NULL),
    ('E06', NULL, 'EVENT', '矛盾纠纷', 'Disputes', NULL, NULL, NULL),
    ('E07', NULL, 'EVENT', '市场监管', 'Markets and food', NULL, NULL, NULL),
    ('E08', NULL, 'EVENT', '民生服务', 'Welfare and health', NULL, NULL, NULL);

INSERT INTO casework_category (code, parent_code, kind, name_zh, name_en, department, time_limit, dispatch_level) VALUES
    ('C0101', 'C01', 'COMPONENT', '井盖缺失或破损', 'Manhole cover missing or broken', 'city-management', 'URGENT', 'SUBDISTRICT'),
    ('C0102', 'C01', 'COMPONENT', '路灯不亮或损坏', 'Streetlight out or damaged', 'city-management', 'NORMAL', 'SUBDISTRICT'),
    ('C0103', 'C01', 'COMPONENT', '消防栓损坏', 'Fire hydrant damaged', 'fire', 'URGENT', 'DISTRICT'),
    ('C0104', 'C01', 'COMPONENT', '供水管道漏水', 'Water main leaking', 'water-supply', 'URGENT', 'DISTRICT'),
    ('C0105', 'C01', 'COMPONENT', '燃气设施隐患', 'Gas installation hazard', 'gas', 'CRITICAL', 'DISTRICT'),
    ('C0106', 'C01', 'COMPONENT', '电力设施损坏', 'Power installation damaged', 'power', 'URGENT', 'DISTRICT'),
    ('C0201', 'C02', 'COMPONENT', '道路破损坑洼', 'Road surface broken or potholed', 'housing', 'NORMAL', 'SUBDISTRICT'),
    ('C0202', 'C02', 'COMPONENT', '交通信号灯故障', 'Traffic light fault', 'traffic-police', 'URGENT', 'DISTRICT'),
    ('C0203', 'C02', 'COMPONENT', '交通标志损坏', 'Road sign damaged', 'traffic-police', 'NORMAL', 'SUBDISTRICT'),
    ('C0204', 'C02', 'COMPONENT', '公交站亭损坏', 'Bus shelter damaged', 'transport', 'NORMAL', 'SUBDISTRICT'),
    ('C0301', 'C03', 'COMPONENT', '行道树倒伏', 'Street tree fallen', 'parks', 'URGENT', 'SUBDISTRICT'),
    ('C0302', 'C03', 'COMPONENT', '绿地毁损', 'Green space damaged', 'parks', 'NORMAL', 'SUBDISTRICT'),
    ('E0101', 'E01', 'EVENT', '暴露垃圾', 'Rubbish left exposed', 'city-management', 'NORMAL', 'SUBDISTRICT'),
    ('E0102', 'E01', 'EVENT', '违规倾倒建筑垃圾', 'Building waste dumped', 'city-management', 'URGENT', 'SUBDISTRICT'),
    ('E0103', 'E01', 'EVENT', '乱张贴小广告', 'Flyposting', 'city-management', 'NORMAL', 'SUBDISTRICT'),
    ('E0104', 'E01', 'EVENT', '占道经营', 'Street trading blocking the way', 'city-management', 'NORMAL', 'SUBDISTRICT'),
    ('E0201', 'E02', 'EVENT', '夜间施工扰民', 'Construction noise at night', 'ecology', 'URGENT', 'SUBDISTRICT'),
    ('E0202', 'E02', 'EVENT', '工地扬尘', 'Dust from a building site', 'ecology', 'NORMAL', 'SUBDISTRICT'),
    ('E0203', 'E02', 'EVENT', '违法建设', 'Unauthorised construction', 'city-management', 'NORMAL', 'SUBDISTRICT'),
    ('E0301', 'E03', 'EVENT', '餐饮油烟扰民', 'Restaurant fumes', 'ecology', 'NORMAL', 'SUBDISTRICT'),
    ('E0302', 'E03', 'EVENT', '河道水体污染', 'River pollution', 'water', 'URGENT', 'DISTRICT'),
    ('E0401', 'E04', 'EVENT', '机动车乱停放', 'Illegal parking', 'traffic-police', 'NORMAL', 'SUBDISTRICT'),
    ('E0402', 'E04', 'EVENT', '共享单车乱停放', 'Shared bikes piled up', 'transport', 'NORMAL', 'SUBDISTRICT'),
    ('E0501', 'E05', 'EVENT', '消防通道堵塞', 'Fire lane blocked', 'fire', 'URGENT', 'SUBDISTRICT'),
    ('E0502', 'E05', 'EVENT', '电动自行车违规充电', 'E-bike charged indoors', 'fire', 'URGENT', 'SUBDISTRICT'),
    ('E0503', 'E05', 'EVENT', '高空坠物隐患', 'Risk of falling objects', 'housing', 'URGENT', 'SUBDISTRICT'),
    ('E0504', 'E05', 'EVENT', '燃气泄漏', 'Gas leak', 'gas', 'CRITICAL', 'DISTRICT'),
    ('E0601', 'E06', 'EVENT', '邻里纠纷', 'Dispute between neighbours', 'justice', 'NORMAL', 'SUBDISTRICT'),
    ('E0602', 'E06', 'EVENT', '物业服务纠纷', 'Dispute with a property manager', 'housing', 'NORMAL', 'SUBDISTRICT'),
    ('E0603', 'E06', 'EVENT', '拖欠工资纠纷', 'Unpaid wages', 'human-resources', 'NORMAL', 'DISTRICT'),
    ('E0701', 'E07', 'EVENT', '食品安全问题', 'Food safety', 'market-regulation', 'URGENT', 'DISTRICT'),
    ('E0702', 'E07', 'EVENT', '无证无照经营', 'Trading without a licence', 'market-regulation', 'NORMAL', 'SUBDISTRICT'),
    ('E0801', 'E08', 'EVENT', '困难群众求助', 'Family in hardship asking for help', 'civil-affairs', 'NORMAL', 'SUBDISTRICT'),
    ('E0802', 'E08', 'EVENT', '独居老人异常情况', 'Elderly person living alone in trouble', 'civil-affairs', 'CRITICAL', 'SUBDISTRICT'),
    ('E0803', 'E08', 'EVENT', '病媒生物滋生', 'Rats, mosquitoes or cockroaches', 'health', 'NORMAL', 'SUBDISTRICT');

-- Every saved state of a category, the seed included (revision 1).
CREATE TABLE casework_category_revision (
    code           VARCHAR(20)  NOT NULL,
    revision       INT          NOT NULL,
    name_zh        VARCHAR(100) NOT NULL,
    name_en        VARCHAR(200) NOT NULL,
    department     VARCHAR(40),
    time_limit     VARCHAR(10),
    dispatch_level VARCHAR(12),
    active         BOOLEAN      NOT NULL,
    changed_by     VARCHAR(60)  NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (code, revision)
);
INSERT INTO casework_category_revision (code, revision, name_zh, name_en, department, time_limit, dispatch_level, active, changed_by, changed_at)
SELECT code, revision, name_zh, name_en, department, time_limit, dispatch_level, active, updated_by, updated_at FROM casework_category;

-- Days that differ from the Monday–Friday week: public holidays (working = false) and the
-- weekend days worked in exchange (working = true). Maintained per year.
CREATE TABLE casework_calendar_day (
    on_day  DATE         NOT NULL PRIMARY KEY,
    working BOOLEAN      NOT NULL,
    note    VARCHAR(100) NOT NULL DEFAULT ''
);

-- 2026, as the State Council's holiday arrangement for the year sets it; later years are added
-- by the governance committee (PUT /api/casework/calendar/{year}).
INSERT INTO casework_calendar_day (on_day, working, note) VALUES
    ('2026-01-01', FALSE, '元旦'), ('2026-01-02', FALSE, '元旦'), ('2026-01-03', FALSE, '元旦'), ('2026-01-04', TRUE, '元旦调休上班'),
    ('2026-02-14', TRUE, '春节调休上班'),
    ('2026-02-15', FALSE, '春节'), ('2026-02-16', FALSE, '春节'), ('2026-02-17', FALSE, '春节'), ('2026-02-18', FALSE, '春节'),
    ('2026-02-19', FALSE, '春节'), ('2026-02-20', FALSE, '春节'), ('2026-02-21', FALSE, '春节'), ('2026-02-22', FALSE, '春节'),
    ('2026-02-23', FALSE, '春节'), ('2026-02-28', TRUE, '春节调休上班'),
    ('2026-04-04', FALSE, '清明节'), ('2026-04-05', FALSE, '清明节'), ('2026-04-06', FALSE, '清明节'),
    ('2026-05-01', FALSE, '劳动节'), ('2026-05-02', FALSE, '劳动节'), ('2026-05-03', FALSE, '劳动节'), ('2026-05-04', FALSE, '劳动节'),
    ('2026-05-05', FALSE, '劳动节'), ('2026-05-09', TRUE, '劳动节调休上班'),
    ('2026-06-19', FALSE, '端午节'), ('2026-06-20', FALSE, '端午节'), ('2026-06-21', FALSE, '端午节'),
    ('2026-09-20', TRUE, '国庆节调休上班'),
    ('2026-09-25', FALSE, '中秋节'), ('2026-09-26', FALSE, '中秋节'), ('2026-09-27', FALSE, '中秋节'),
    ('2026-10-01', FALSE, '国庆节'), ('2026-10-02', FALSE, '国庆节'), ('2026-10-03', FALSE, '国庆节'), ('2026-10-04', FALSE, '国庆节'),
    ('2026-10-05', FALSE, '国庆节'), ('2026-10-06', FALSE, '国庆节'), ('2026-10-07', FALSE, '国庆节'), ('2026-10-10', TRUE, '国庆节调休上班');
