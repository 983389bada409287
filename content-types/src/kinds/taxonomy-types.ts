import type { ContentTypeDefinition } from '../fields';
import { recordCommuneField } from './common-fields';

// Taxonomy collections are seeded from taxonomy.json at every CMS start (keys are stable,
// labels follow the plan), so they have no draft state: what is there is public.
const keyField = {
  type: 'string',
  label: 'Mã',
  required: true,
  maxLength: 80,
  hint: 'Mã cố định theo Kế hoạch, dùng trong đường dẫn. Không sửa.',
} as const;
const labelField = { type: 'string', label: 'Tên', required: true, maxLength: 300 } as const;
const orderField = { type: 'integer', label: 'Thứ tự', min: 0 } as const;

export const theme: ContentTypeDefinition = {
  singular: 'theme',
  plural: 'themes',
  kind: 'collectionType',
  displayName: 'Chủ đề',
  description: 'Tám nội dung tuyên truyền của Kế hoạch (mục II).',
  draftAndPublish: false,
  fields: {
    key: keyField,
    label: labelField,
    section: { type: 'string', label: 'Mục trong Kế hoạch', maxLength: 10 },
    summary: { type: 'text', label: 'Tóm tắt', maxLength: 1000 },
    order: orderField,
  },
};

export const taskGroup: ContentTypeDefinition = {
  singular: 'task-group',
  plural: 'task-groups',
  kind: 'collectionType',
  displayName: 'Nhóm nhiệm vụ',
  description: 'Bảy nhóm nhiệm vụ trọng tâm của Kế hoạch số 02.',
  draftAndPublish: false,
  fields: { key: keyField, label: labelField, order: orderField },
};

export const channel: ContentTypeDefinition = {
  singular: 'channel',
  plural: 'channels',
  kind: 'collectionType',
  displayName: 'Kênh tuyên truyền',
  description: 'Các hình thức, kênh tuyên truyền (mục III).',
  draftAndPublish: false,
  fields: {
    key: keyField,
    label: labelField,
    group: { type: 'string', label: 'Nhóm kênh', maxLength: 40 },
    section: { type: 'string', label: 'Mục trong Kế hoạch', maxLength: 10 },
    order: orderField,
  },
};

export const unit: ContentTypeDefinition = {
  singular: 'unit',
  plural: 'units',
  kind: 'collectionType',
  displayName: 'Đơn vị',
  description: 'Các đơn vị tổ chức thực hiện Kế hoạch (mục V).',
  draftAndPublish: false,
  fields: {
    key: keyField,
    label: labelField,
    roles: { type: 'text', label: 'Nhiệm vụ', maxLength: 2000 },
    order: orderField,
  },
};

export const audience: ContentTypeDefinition = {
  singular: 'audience',
  plural: 'audiences',
  kind: 'collectionType',
  displayName: 'Đối tượng',
  description: 'Nhóm đối tượng tuyên truyền.',
  draftAndPublish: false,
  fields: { key: keyField, label: labelField, order: orderField },
};

export const residentialArea: ContentTypeDefinition = {
  singular: 'residential-area',
  plural: 'residential-areas',
  kind: 'collectionType',
  displayName: 'Khu dân cư',
  description: 'Các khu dân cư của xã; xã tự cập nhật.',
  draftAndPublish: false,
  fields: {
    name: { type: 'string', label: 'Tên khu dân cư', required: true, maxLength: 200 },
    slug: { type: 'slug', label: 'Đường dẫn', targetField: 'name', required: true },
    head: { type: 'string', label: 'Trưởng khu', maxLength: 100 },
    phone: { type: 'string', label: 'Điện thoại', format: 'phone', maxLength: 20 },
    commune: recordCommuneField,
  },
};

// A commune's details: the portal's name, contacts, leaders and social accounts.
const communeDetailFields = {
  name: { type: 'string', label: 'Tên xã', required: true, maxLength: 200 },
  authority: { type: 'string', label: 'Cơ quan', required: true, maxLength: 200 },
  province: { type: 'string', label: 'Tỉnh', required: true, maxLength: 100 },
  address: { type: 'string', label: 'Địa chỉ', maxLength: 300 },
  phone: { type: 'string', label: 'Điện thoại', format: 'phone', maxLength: 20 },
  email: { type: 'string', label: 'Thư điện tử', format: 'email', maxLength: 200 },
  workingHours: { type: 'string', label: 'Giờ làm việc', maxLength: 300 },
  introduction: { type: 'markdown', label: 'Giới thiệu' },
  leaders: { type: 'component', component: 'commune.leader', repeatable: true, label: 'Lãnh đạo xã' },
  socials: {
    type: 'component',
    component: 'commune.social-account',
    repeatable: true,
    label: 'Tài khoản mạng xã hội',
  },
} as const;

/** The details of the commune an installation serves (one commune, the default). */
export const commune: ContentTypeDefinition = {
  singular: 'commune',
  plural: 'communes',
  kind: 'singleType',
  displayName: 'Thông tin xã',
  description: 'Thông tin chung của xã: tên, địa chỉ, liên hệ, lãnh đạo, tài khoản mạng xã hội.',
  draftAndPublish: false,
  fields: communeDetailFields,
};

/**
 * The details of each commune when one installation serves a province (README "Running a
 * province"): one entry per commune, found by its code. A commune's portal reads its own;
 * the commune's editors keep it under the same condition as their pieces (cms/src/tenancy/).
 */
export const communeProfile: ContentTypeDefinition = {
  singular: 'commune-profile',
  plural: 'commune-profiles',
  kind: 'collectionType',
  displayName: 'Thông tin các xã, phường',
  description: 'Chỉ dùng khi hệ thống phục vụ nhiều xã, phường: mỗi xã, phường một mục, là tên và liên hệ trên cổng thông tin của xã, phường đó.',
  draftAndPublish: false,
  fields: {
    commune: {
      type: 'string',
      format: 'commune',
      required: true,
      maxLength: 100,
      label: 'Mã xã, phường',
      hint: 'Mã của xã, phường (ví dụ: thanh-thuy), như trong cấu hình PROVINCE_COMMUNES. Mỗi xã, phường một mục.',
    },
    ...communeDetailFields,
  },
};

export const taxonomyTypes = [theme, taskGroup, channel, unit, audience, residentialArea] as const;
