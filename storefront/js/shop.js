// What this demo shop knows about itself (a real shop's storefront has its own navigation).
export const CATEGORIES = ['womens-jackets', 'mens-shoes'];
